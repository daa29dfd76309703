"use client";
import { useId } from "react";
import type { GroupChoice, NoteFilter } from "../model/note-data";

type Props = {
  people: { id: string; name: string }[];
  tags: string[];
  filter: NoteFilter;
  onChange(filter: NoteFilter): void;
  /** The viewer's groups: with any, the group switcher (Public / each group / Only me) shows. */
  groups?: GroupChoice[];
};

const select =
  "mt-0.5 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

// Shows only the notes of one person, or with one tag (in the margin and in the text).
export function NotesFilter({ people, tags, filter, onChange, groups = [] }: Props) {
  const id = useId();
  const switcher = groups.length > 0;
  if (!switcher && people.length < 2 && tags.length === 0 && !filter.person && !filter.tag) return null;
  return (
    <div className="grid grid-cols-2 gap-2 text-xs">
      {switcher ? (
        // The group switcher (issue 19): which notes the margin shows, and who a new note is for.
        <div className="col-span-2">
          <label htmlFor={`${id}-layer`} className="font-medium">
            Showing
          </label>
          <select
            id={`${id}-layer`}
            className={select}
            value={filter.layer ?? ""}
            onChange={(e) => onChange({ ...filter, layer: e.target.value })}
          >
            <option value="">All notes I can see</option>
            <option value="public">Public</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            <option value="private">Only me</option>
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-person`} className="font-medium">
          Notes by
        </label>
        <select
          id={`${id}-person`}
          className={select}
          value={filter.person}
          onChange={(e) => onChange({ ...filter, person: e.target.value })}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tag`} className="font-medium">
          Tag
        </label>
        <select
          id={`${id}-tag`}
          className={select}
          value={filter.tag}
          onChange={(e) => onChange({ ...filter, tag: e.target.value })}
        >
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
