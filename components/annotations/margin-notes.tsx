"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { liveRangeOf, type TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { TextMap } from "@/lib/anchoring/dom/text-map";
import type { NoteThread } from "./note-data";
import { NoteCard } from "./note-card";
import { OrphanedNotes } from "./notes-listing";
import { GAP, stackTops } from "./stack-tops";

export type PassageGroup = { key: string; span: TextSpan; threads: NoteThread[] };

type Props = { groups: PassageGroup[]; orphaned: NoteThread[]; total: number; map: TextMap<Node>; body: HTMLElement; filter: ReactNode };

// The margin beside the article (wide screens): each passage's notes at the height of the
// passage, pushed down when they would overlap, with the count of notes on the passage.
export function MarginNotes({ groups, orphaned, total, map, body, filter }: Props) {
  const lane = useRef<HTMLDivElement>(null);
  const frame = useRef(0);

  const layout = useCallback(() => {
    frame.current = 0;
    const root = lane.current;
    if (!root) return;
    const boxes = [...root.querySelectorAll<HTMLElement>(":scope > [data-passage]")];
    const laneTop = root.getBoundingClientRect().top;
    // Read everything first, then write: one layout pass however many notes there are.
    const byKey = new Map(groups.map((g) => [g.key, g]));
    const desired = boxes.map((box) => {
      const group = byKey.get(box.dataset.passage ?? "");
      const rect = group ? liveRangeOf(map, group.span)?.getClientRects()[0] : undefined;
      return rect ? rect.top - laneTop : 0;
    });
    const heights = boxes.map((box) => box.offsetHeight);
    const tops = stackTops(desired, heights);
    boxes.forEach((box, i) => { box.style.top = `${tops[i]}px`; });
    const end = tops.length ? tops[tops.length - 1] + heights[heights.length - 1] : 0;
    const orphans = root.querySelector<HTMLElement>(":scope > [data-orphans]");
    if (orphans) orphans.style.top = `${end + 3 * GAP}px`;
    root.style.height = `${(orphans ? end + 3 * GAP + orphans.offsetHeight : end)}px`;
  }, [groups, map]);

  const schedule = useCallback(() => { if (!frame.current) frame.current = requestAnimationFrame(layout); }, [layout]);

  useLayoutEffect(layout, [layout]);

  useEffect(() => {
    const root = lane.current;
    if (!root) return;
    const observer = new ResizeObserver(schedule);
    observer.observe(body);
    for (const child of root.children) observer.observe(child);
    addEventListener("resize", schedule);
    void document.fonts?.ready.then(schedule);
    return () => { observer.disconnect(); removeEventListener("resize", schedule); cancelAnimationFrame(frame.current); frame.current = 0; };
  }, [body, schedule, groups, orphaned]);

  return (
    <div className="font-sans">
      <div className="mb-3 space-y-2">
        <h2 className="text-sm font-semibold uppercase tracking-wider text-zinc-600 dark:text-zinc-400">Notes on this article ({total})</h2>
        {filter}
      </div>
      <div ref={lane} className="relative">
        {groups.map((g) => (
          <section key={g.key} data-passage={g.key} aria-label={`${countLabel(g.threads)} on this passage`} className="absolute inset-x-0 top-0 space-y-2">
            <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400"><span aria-hidden="true">▸ </span>{countLabel(g.threads)} on this passage</p>
            {g.threads.map((t) => <NoteCard key={t.id} thread={t} withIds anchored />)}
          </section>
        ))}
        {orphaned.length ? (
          <div data-orphans className="absolute inset-x-0 top-0">
            <OrphanedNotes threads={orphaned} idsFor={() => true} headingLevel={3} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function countLabel(threads: NoteThread[]) {
  const highlights = threads.filter((t) => t.motivation === "highlighting").length;
  const notes = threads.length - highlights;
  return [notes ? `${notes} ${notes === 1 ? "note" : "notes"}` : "", highlights ? `${highlights} ${highlights === 1 ? "highlight" : "highlights"}` : ""].filter(Boolean).join(", ");
}
