"use client";
import { useId } from "react";
import type { NoteFilter } from "../model/note-data";

type Props = {
  people: { id: string; name: string }[];
  tags: string[];
  filter: NoteFilter;
  onChange(filter: NoteFilter): void;
};

const select =
  "mt-0.5 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

// Shows only the notes of one person, or with one tag (in the margin and in the text).
export function NotesFilter({ people, tags, filter, onChange }: Props) {
  const id = useId();
  if (people.length < 2 && tags.length === 0 && !filter.person && !filter.tag) return null;
  return (
    <div className="grid grid-cols-2 gap-2 text-xs">
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
