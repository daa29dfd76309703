"use client";
// Its styles (and the labels'): ./conversation.css, imported by the article page.
import { useEffect, useState } from "react";
import { liveNotePlacedEvent } from "@/components/live/live-note-event";
import { markQuoteLength, maxMarks, shortQuote } from "@/lib/annotations/conversation";
import type { NoteData } from "../model/note-data";

/** A mark as the server sends it, compact (it is part of the cached page): [percent, notes, quote, first note's id]. */
export type DensityMarkTuple = [at: number, count: number, quote: string, id: string];

// Plain words, no quotation marks: "3 notes at the freedom of the…" (every byte is in the cached page).
export const markLabel = (count: number, quote: string) => `${count} ${count === 1 ? "note" : "notes"} at ${quote}`;

/** Marks this close (percent of the text) are one: the server's finest bucket. */
const near = 2;

/** A note that arrived live, on the bar: counted in the mark it falls in, or a new mark where there is room. */
export function withLiveNote(marks: DensityMarkTuple[], at: number, quote: string, id: string): DensityMarkTuple[] {
  const i = marks.findIndex(([m]) => Math.abs(m - at) < near);
  const closest =
    i >= 0 || marks.length < maxMarks
      ? i
      : marks.reduce((best, [m], k) => (Math.abs(m - at) < Math.abs(marks[best][0] - at) ? k : best), 0);
  if (closest >= 0) return marks.map((m, k) => (k === closest ? [m[0], m[1] + 1, m[2], m[3]] : m));
  return [...marks, [at, 1, shortQuote(quote, markQuoteLength), id] as DensityMarkTuple].sort((a, b) => a[0] - b[0]);
}

// Where the public notes sit along the article: a thin bar beside the scroll bar (from 640 px
// wide; on a phone the notes list after the article does this job and the screen's edge belongs to
// scrolling). Each mark is a link to its first note (`#annotation-<id>`): the margin follows it to
// the passage and opens the note; without JavaScript it leads to the note in the list. Computed
// on the server with the page; a public note that arrives live is added in place.
export function DensityBar({ marks: initial, length }: { marks: DensityMarkTuple[]; length: number }) {
  const [marks, setMarks] = useState(initial);
  const [seen] = useState(() => new Set<string>());
  useEffect(() => {
    let on = true;
    const onPlaced = (e: Event) => {
      const detail = (e as CustomEvent<Record<string, unknown>>).detail;
      // The note's reader comes with the margin UI (which sends these): not part of the first-load JavaScript.
      void import("../model/note-data").then(({ noteFromJson }) => {
        if (on) place(noteFromJson(detail));
      });
    };
    const place = (note: NoteData) => {
      if (note.parentId || note.page || note.audience !== "public" || note.status !== "approved") return;
      if (!note.position || !note.quote || note.state !== "anchored" || seen.has(note.id) || length <= 0) return;
      seen.add(note.id);
      const at = Math.round(Math.min(1, note.position.start / length) * 1000) / 10;
      setMarks((all) => withLiveNote(all, at, note.quote!.exact, note.id));
    };
    addEventListener(liveNotePlacedEvent, onPlaced);
    return () => {
      on = false;
      removeEventListener(liveNotePlacedEvent, onPlaced);
    };
  }, [length, seen]);
  if (!marks.length) return null;
  return (
    <nav aria-label="Where the notes are" className="density-bar">
      <ol>
        {marks.map(([at, count, quote, id]) => (
          <li key={id} style={{ top: `${at}%` }}>
            <a
              href={`#annotation-${id}`}
              aria-label={markLabel(count, quote)}
              onClick={(e) => {
                // The same mark again: the address does not change, so say it did (the margin listens).
                if (location.hash === `#annotation-${id}`) {
                  e.preventDefault();
                  dispatchEvent(new HashChangeEvent("hashchange"));
                }
              }}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}
