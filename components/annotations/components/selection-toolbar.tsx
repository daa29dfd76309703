"use client";
import { useId, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import type { TextSelection } from "../hooks/use-text-selection";
import { type GroupChoice, parseTags, type ViewerInfo } from "../model/note-data";

const button = "rounded-md px-3 py-1.5 text-sm font-medium";

/** Page coordinates → coordinates inside the host (the positioned box right after the article body). */
export function placeUnder(host: HTMLElement, rect: TextSelection["rect"], width: number) {
  const box = host.getBoundingClientRect();
  const top = rect.bottom - (box.top + scrollY) + 8;
  const left = Math.max(0, Math.min(rect.left - (box.left + scrollX), box.width - width));
  return { top, left: Number.isFinite(left) ? left : 0 };
}

type ToolbarProps = {
  host: HTMLElement;
  selection: TextSelection;
  viewer: ViewerInfo | null;
  canWrite: boolean;
  banNotice: string | null;
  signInHref: string;
  error: string | null;
  onAnnotate(): void;
  /** Absent where highlights do not exist (the studio's review margin). */
  onHighlight?(): void;
  /** The write button's name ("Annotate"; the review margin says "Comment on this passage"). */
  annotateLabel?: string;
  /** While an orphaned note is being re-attached: "Attach here" instead of Annotate/Highlight. */
  reattach: { onAttach(): void; onCancel(): void } | null;
  /** "Cite this passage" (the reading page; for everyone, signed in or not). */
  onCite?(): void;
};

// Floats under a selection in the article: "Annotate" and "Highlight" (or "Sign in to annotate").
// It follows the article body in the DOM, so Tab from a keyboard selection reaches it next.
export function SelectionToolbar({
  host,
  selection,
  viewer,
  canWrite,
  banNotice,
  signInHref,
  error,
  onAnnotate,
  onHighlight,
  reattach,
  onCite,
  annotateLabel = "Annotate",
}: ToolbarProps) {
  const position = placeUnder(host, selection.rect, 360);
  const keep = (e: React.MouseEvent) => e.preventDefault(); // keep the text selected on mouse down
  return (
    <div
      data-annotation-ui
      role="group"
      aria-label="Selected passage"
      style={position}
      className="absolute z-30 flex max-w-full flex-wrap gap-1 rounded-lg border border-zinc-200 bg-white p-1 font-sans shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {!viewer ? (
        <a href={signInHref} className={`${button} text-accent-700 underline dark:text-accent-300`}>
          Sign in to annotate
        </a>
      ) : banNotice ? (
        <p role="note" className="max-w-xs px-2 py-1 text-sm text-red-900 dark:text-red-100">
          {banNotice}
        </p>
      ) : !canWrite ? (
        <p className="px-2 py-1 text-sm">Annotations are closed on this article.</p>
      ) : reattach ? (
        <>
          <button
            type="button"
            onMouseDown={keep}
            onClick={reattach.onAttach}
            className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900`}
          >
            Attach here
          </button>
          <button
            type="button"
            onMouseDown={keep}
            onClick={reattach.onCancel}
            className={`${button} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
          >
            Cancel
          </button>
          {error ? <p className="basis-full px-2 pb-1 text-sm text-red-700 dark:text-red-400">{error}</p> : null}
        </>
      ) : (
        <>
          <button
            type="button"
            onMouseDown={keep}
            onClick={onAnnotate}
            className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900`}
          >
            {annotateLabel}
          </button>
          {onHighlight ? (
            <button
              type="button"
              onMouseDown={keep}
              onClick={onHighlight}
              className={`${button} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
            >
              Highlight
            </button>
          ) : null}
          {error ? <p className="basis-full px-2 pb-1 text-sm text-red-700 dark:text-red-400">{error}</p> : null}
        </>
      )}
      {onCite && !reattach ? (
        <button
          type="button"
          onMouseDown={keep}
          onClick={onCite}
          className={`${button} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
        >
          Cite this passage
        </button>
      ) : null}
    </div>
  );
}

export type EditorValues = { note: string; tags: string[]; audience: "public" | "private" | "group"; group?: string };

type EditorProps = {
  host: HTMLElement;
  /** The passage's selection; null for a note on the whole article (laid out in place, no quote). */
  selection: TextSelection | null;
  quote: string | null;
  onSave(values: EditorValues): Promise<string | null>;
  onCancel(): void;
  /** In the margin (wide screens): laid out by its container, level with the passage, not floated under the selection. */
  inMargin?: boolean;
  /** The viewer's groups: each is a choice under "Who can read it". */
  groups?: GroupChoice[];
  /** Who the note is for at first: the margin's current layer ("public", "private" or a group's id). */
  initialAudience?: string;
  /** The writer has not confirmed their address: a public note will wait for it (said before saving). */
  unconfirmed?: boolean;
};

// The new-note editor: the note (Markdown), tags, and who will be able to read it, stated plainly.
// Floated under the selection on narrow screens; in the margin beside the passage on wide ones.
export function AnnotationEditor({
  host,
  selection,
  quote,
  onSave,
  onCancel,
  inMargin = false,
  groups = [],
  initialAudience = "public",
  unconfirmed = false,
}: EditorProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // "public", "private" or a group's id.
  const [audience, setAudience] = useState<string>(
    initialAudience === "private" || groups.some((g) => g.id === initialAudience) ? initialAudience : "public",
  );
  const position =
    inMargin || !selection
      ? undefined
      : placeUnder(host, selection.rect, Math.min(448, host.getBoundingClientRect().width));
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const note = String(data.get("note") ?? "").trim();
    if (!note) return setError("Write your note first (or use Highlight to mark the passage without one).");
    setBusy(true);
    const tags = parseTags(String(data.get("tags") ?? ""));
    const failure = await onSave(
      audience === "public" || audience === "private"
        ? { note, tags, audience }
        : { note, tags, audience: "group", group: audience },
    );
    setBusy(false);
    setError(failure);
  };
  return (
    <form
      data-annotation-ui
      aria-labelledby={`${id}-title`}
      style={position}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      className={`${inMargin || !selection ? "w-full border-amber-400 dark:border-amber-700" : "absolute z-30 w-[min(28rem,100%)] border-zinc-200 dark:border-zinc-700"} space-y-2 rounded-lg border bg-white p-3 font-sans text-sm shadow-xl dark:bg-zinc-900`}
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        {quote === null ? "New note on this page" : "New note"}
      </h2>
      {quote === null ? null : (
        <blockquote className="border-l-4 border-amber-300 pl-2 font-serif italic text-zinc-700 dark:border-amber-700 dark:text-zinc-300">
          <p className={inMargin ? "line-clamp-2" : "line-clamp-3"}>{quote}</p>
        </blockquote>
      )}
      <label htmlFor={`${id}-note`} className="block font-medium">
        Annotation
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={inMargin ? 3 : 4}
        maxLength={5_000}
        autoFocus
        aria-describedby={`${id}-help ${id}-error`}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-base dark:border-zinc-700 dark:bg-zinc-950"
      />
      <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
        Markdown: *emphasis*, **bold**, [links](https://…), lists, `code`.
      </p>
      <label htmlFor={`${id}-tags`} className="block font-medium">
        Tags <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional, separated by commas)</span>
      </label>
      <input
        id={`${id}-tags`}
        name="tags"
        className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <fieldset>
        <legend className="font-medium">Who can read it</legend>
        <label className={`${inMargin ? "flex" : "mr-4 inline-flex"} items-center gap-1.5`}>
          <input
            type="radio"
            name="audience"
            value="public"
            checked={audience === "public"}
            onChange={() => setAudience("public")}
          />{" "}
          Public — everyone can read it
        </label>
        {groups.map((g) => (
          <label key={g.id} className={`${inMargin ? "flex" : "mr-4 inline-flex"} items-center gap-1.5`}>
            <input
              type="radio"
              name="audience"
              value={g.id}
              checked={audience === g.id}
              onChange={() => setAudience(g.id)}
            />{" "}
            {g.name} — its members
          </label>
        ))}
        <label className={`${inMargin ? "flex" : "inline-flex"} items-center gap-1.5`}>
          <input
            type="radio"
            name="audience"
            value="private"
            checked={audience === "private"}
            onChange={() => setAudience("private")}
          />{" "}
          Private — only you
        </label>
      </fieldset>
      {unconfirmed && audience === "public" ? (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          Your e-mail address is not confirmed yet: a public note will be shown to others once you confirm it (open the
          link we sent you). Private notes work as usual.
        </p>
      ) : null}
      <div id={`${id}-error`}>
        <FormStatus message={error} />
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900`}
        >
          Save annotation
        </button>
        <button type="button" onClick={onCancel} className={`${button} hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
