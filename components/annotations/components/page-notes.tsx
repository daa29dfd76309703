"use client";
import type { ReactNode } from "react";
import type { NoteThread } from "../model/note-data";
import { NoteCard } from "./note-card";

type Props = {
  threads: NoteThread[];
  /** "Note on this page" (or its form) where the reader may write one. */
  composer?: ReactNode;
  headingLevel: 2 | 3;
  idsFor(id: string): boolean;
};

// Notes on the whole article (a W3C target without a selector): first in the margin and in the
// list, above the notes on passages; they are never placed in the text, so never orphaned.
export function PageNotes({ threads, composer, headingLevel, idsFor }: Props) {
  if (!threads.length && !composer) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="page-notes-title" data-page-notes className="mb-4 space-y-2 font-sans">
      <Heading id="page-notes-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        On the whole article{threads.length ? ` (${threads.length})` : ""}
      </Heading>
      {composer}
      {threads.length ? (
        <ol className="space-y-2" aria-label="Notes on the whole article">
          {threads.map((t) => (
            <li key={t.id}>
              <NoteCard thread={t} withIds={idsFor(t.id)} anchored={false} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
