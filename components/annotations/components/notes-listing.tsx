"use client";
import type { ReactNode } from "react";
import type { NoteThread } from "../model/note-data";
import { NoteCard } from "./note-card";
import { useNotes } from "./notes-context";
import { PageNotes } from "./page-notes";

type Props = {
  /** Notes on the whole article: listed first. */
  page?: NoteThread[];
  /** "Note on this page" (or its form). */
  pageComposer?: ReactNode;
  anchored: NoteThread[];
  orphaned: NoteThread[];
  total: number;
  filter?: ReactNode;
  idsFor(id: string): boolean;
};

// Every note after the article, in text order, orphaned ones apart: the whole margin without
// JavaScript (server HTML), and on narrow screens.
export function NotesListing({ page = [], pageComposer, anchored, orphaned, total, filter, idsFor }: Props) {
  const review = !!useNotes().review;
  return (
    <section
      id="notes"
      aria-labelledby="notes-title"
      className="mt-14 scroll-mt-8 border-t border-zinc-200 pt-8 dark:border-zinc-800"
    >
      <h2 id="notes-title" className="text-2xl font-bold tracking-tight">
        {review ? "Review notes" : "Notes on this article"}{" "}
        <span className="text-zinc-600 dark:text-zinc-400">({total})</span>
      </h2>
      {filter ? <div className="mt-4 max-w-md">{filter}</div> : null}
      {anchored.length === 0 && orphaned.length === 0 && page.length === 0 ? (
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
          No notes yet. Select a passage of the article to add one.
        </p>
      ) : null}
      {page.length || pageComposer ? (
        <div className="mt-6">
          <PageNotes threads={page} composer={pageComposer} headingLevel={3} idsFor={idsFor} />
        </div>
      ) : null}
      {anchored.length ? (
        <ol className="mt-6 space-y-4" aria-label="Notes in the order of their passages">
          {anchored.map((t) => (
            <li key={t.id}>
              <NoteCard thread={t} withIds={idsFor(t.id)} anchored />
            </li>
          ))}
        </ol>
      ) : null}
      {orphaned.length ? <OrphanedNotes threads={orphaned} idsFor={idsFor} headingLevel={3} /> : null}
    </section>
  );
}

export function OrphanedNotes({
  threads,
  idsFor,
  headingLevel,
}: {
  threads: NoteThread[];
  idsFor(id: string): boolean;
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="orphaned-notes-title" className="mt-8">
      <Heading id="orphaned-notes-title" className="text-lg font-semibold">
        Orphaned
      </Heading>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        The passages these notes were about are no longer in the article; each shows the passage it was written on.
      </p>
      <ol className="mt-3 space-y-4">
        {threads.map((t) => (
          <li key={t.id}>
            <NoteCard thread={t} withIds={idsFor(t.id)} anchored={false} />
          </li>
        ))}
      </ol>
    </section>
  );
}
