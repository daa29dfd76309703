"use client";
import { PermalinkTime } from "@/components/comments/relative-time";
import { HeldBadge } from "@/components/ui/held-badge";
import type { NoteThread } from "../model/note-data";
import { NoteActions } from "./note-actions";
import { useNotes } from "./notes-context";

type Props = {
  thread: NoteThread;
  withIds: boolean;
  anchored: boolean;
  /** False where the passage is quoted once for several cards (a busy passage's group in the margin). */
  showQuote?: boolean;
};

const badge = "rounded px-1.5 py-0.5 text-xs font-medium";

function quoteOf(t: NoteThread, anchored: boolean) {
  if (!t.quote) return null;
  return anchored ? t.quote.exact : (t.originalQuote ?? t.quote.exact);
}

// One note with its quoted passage and its replies: in the margin, in a panel under a
// paragraph, or in the list after the article.
export function NoteCard({ thread: t, withIds, anchored, showQuote = true }: Props) {
  const api = useNotes();
  const quote = showQuote ? quoteOf(t, anchored) : null;
  // Lit with its passage: the active note, or the one whose passage the pointer is on.
  const active = api.activeId === t.id || api.hoveredId === t.id;
  return (
    <article
      id={withIds ? `annotation-${t.id}` : undefined}
      tabIndex={-1}
      data-note-id={t.id}
      data-lit={active ? "true" : undefined}
      aria-label={
        t.motivation === "highlighting"
          ? "Your highlight"
          : t.status === "deleted"
            ? "Deleted note"
            : `Note by ${t.authorName}`
      }
      onFocus={() => api.activate(t.id)}
      onMouseMove={(e) => {
        // A moving pointer, not the page scrolling a card under a still one (after "Show in text").
        if (api.interactive && api.activeId !== t.id && (e.movementX || e.movementY)) api.activate(t.id);
      }}
      className={`scroll-mt-24 rounded-lg border bg-white p-3 text-sm shadow-sm outline-offset-2 dark:bg-zinc-900 ${active ? "border-amber-500 ring-2 ring-amber-300 dark:ring-amber-700" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      {quote ? (
        <blockquote className="mb-2 border-l-4 border-amber-300 pl-2 font-serif text-[0.95rem] italic text-zinc-700 dark:border-amber-700 dark:text-zinc-300">
          <p className="line-clamp-4">{quote}</p>
        </blockquote>
      ) : null}
      <NoteBody note={t} />
      {api.interactive && anchored ? (
        <button
          type="button"
          onClick={() => api.showPassage(t.id)}
          className="mt-1 inline-flex min-h-11 items-center text-xs font-medium text-accent-700 underline-offset-2 hover:underline sm:min-h-8 pointer-coarse:min-h-11 dark:text-accent-300"
        >
          Show in text
        </button>
      ) : anchored && t.quote ? (
        // Without JavaScript (and before the margin has loaded): the article with this passage marked.
        <a
          href={`/articles/${api.slug}?note=${encodeURIComponent(t.id)}#passage-${encodeURIComponent(t.id)}`}
          className="mt-1 inline-block text-xs font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300"
        >
          Show in text
        </a>
      ) : null}
      {t.replies.length ? <Replies replies={t.replies} withIds={withIds} label={`Replies to ${t.authorName}`} /> : null}
    </article>
  );
}

function NoteBody({ note: n }: { note: NoteThread }) {
  const api = useNotes();
  if (n.status === "deleted") return <p className="italic text-zinc-600 dark:text-zinc-400">This note was deleted.</p>;
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-semibold">{n.motivation === "highlighting" ? "Highlight" : n.authorName}</span>
        <PermalinkTime
          href={api.review ? `#annotation-${n.id}` : `/articles/${api.slug}/annotations/${n.id}`}
          iso={n.created}
          what="note"
          className="text-zinc-600 hover:underline dark:text-zinc-400"
        />
        {n.edited ? <span className="text-zinc-600 dark:text-zinc-400">· edited</span> : null}
        {n.audience === "private" ? (
          <span className={`${badge} bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200`}>
            Private — only you
          </span>
        ) : null}
        {n.audience === "group" ? (
          <span className={`${badge} bg-violet-50 text-violet-900 dark:bg-violet-950 dark:text-violet-200`}>
            {`Group — ${api.groups?.find((g) => g.id === n.group)?.name ?? "members only"}`}
          </span>
        ) : null}
        {n.changed ? (
          <span className={`${badge} bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200`}>
            {n.state === "orphaned" ? "Passage gone since your note" : "Changed since your note"}
          </span>
        ) : null}
        {n.resolved ? (
          <span className={`${badge} bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200`}>Resolved</span>
        ) : null}
        {n.status === "pending" ? (
          <HeldBadge
            reasons={n.reasons}
            linkHoldThreshold={api.linkHoldThreshold}
            explain={!!api.viewer && n.authorId === api.viewer.id}
          />
        ) : null}
      </header>
      {n.html ? (
        <div
          className="prose prose-sm prose-zinc mt-1 max-w-none dark:prose-invert prose-p:my-1"
          dangerouslySetInnerHTML={{ __html: n.html }}
        />
      ) : null}
      {n.tags.length ? (
        <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
          {n.tags.map((tag) => (
            <li key={tag} className={`${badge} bg-accent-50 text-accent-700 dark:bg-zinc-800 dark:text-accent-300`}>
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      {api.interactive ? <NoteActions note={n} /> : null}
    </>
  );
}

function Replies({ replies, withIds, label }: { replies: NoteThread[]; withIds: boolean; label: string }) {
  return (
    <ol aria-label={label} className="mt-2 space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
      {replies.map((r) => (
        <li key={r.id}>
          <article
            id={withIds ? `annotation-${r.id}` : undefined}
            tabIndex={-1}
            aria-label={r.status === "deleted" ? "Deleted reply" : `Reply by ${r.authorName}`}
            className="scroll-mt-24 rounded outline-offset-2"
          >
            <NoteBody note={r} />
          </article>
          {r.replies.length ? (
            <Replies replies={r.replies} withIds={withIds} label={`Replies to ${r.authorName}`} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
