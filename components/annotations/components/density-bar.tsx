"use client";
// Its styles (and the labels'): ./conversation.css, imported by the article page.

/** A mark as the server sends it, compact (it is part of the cached page): [percent, notes, quote, first note's id]. */
export type DensityMarkTuple = [at: number, count: number, quote: string, id: string];

export const markLabel = (count: number, quote: string) => `${count} ${count === 1 ? "note" : "notes"} at “${quote}”`;

// Where the public notes sit along the article: a thin bar beside the scroll bar (from 640 px
// wide; on a phone the notes list after the article does this job and the screen's edge belongs to
// scrolling). Each mark is a link to its first note (`#annotation-<id>`): the margin follows it to
// the passage and opens the note; without JavaScript it leads to the note in the list.
export function DensityBar({ marks }: { marks: DensityMarkTuple[] }) {
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
