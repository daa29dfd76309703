"use client";
import { useLayoutEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { NoteThread } from "../model/note-data";
import { countLabel } from "./margin-notes";
import { NoteCard } from "./note-card";

type Props = { after: Element; threads: NoteThread[]; onClose(): void };

// Narrow screens: the notes of a tapped passage, opened in a panel right below its paragraph.
// The panel sits between blocks of the article body, outside any block, so the article's
// plain text (and every anchor) is unchanged.
export function PassagePanel({ after, threads, onClose }: Props) {
  // Created at once (this renders in the browser only) and inserted before effects run, so the
  // note can be focused in the same commit.
  const [host] = useState(() => {
    const element = document.createElement("div");
    element.dataset.annotationUi = "";
    element.className = "not-prose my-4";
    return element;
  });
  useLayoutEffect(() => {
    after.after(host);
    return () => host.remove();
  }, [after, host]);
  return createPortal(
    <section
      aria-label={`${countLabel(threads)} on this passage`}
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50/60 p-2 font-sans dark:border-amber-800 dark:bg-amber-950/30"
    >
      <div className="flex items-center justify-between">
        <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{countLabel(threads)} on this passage</p>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-1 text-xs font-medium hover:bg-white dark:hover:bg-zinc-800"
        >
          Close notes
        </button>
      </div>
      {threads.map((t) => (
        <NoteCard key={t.id} thread={t} withIds anchored />
      ))}
    </section>,
    host,
  );
}
