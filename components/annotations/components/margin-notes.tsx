"use client";
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { liveRangeOf, type TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { TextMap } from "@/lib/anchoring/dom/text-map";
import type { NoteThread } from "../model/note-data";
import type { PassageGroup } from "../model/passages";
import { GAP, stackTopsAround } from "../model/stack-tops";
import { NoteCard } from "./note-card";
import { useNotes } from "./notes-context";
import { OrphanedNotes } from "./notes-listing";
import { PageNotes } from "./page-notes";

/** A footnote shown beside its reference (Tufte's sidenotes): the article's own, not a reader's note. */
type Sidenote = { key: string; number: string; ref: HTMLElement; html: string };

/** The article's footnotes, read from its body: each reference and its note's content (back links left out). */
function readSidenotes(body: HTMLElement): Sidenote[] {
  return [...body.querySelectorAll<HTMLAnchorElement>("sup > a[data-footnote-ref]")].flatMap((ref, i) => {
    const id = decodeURIComponent(ref.hash.slice(1));
    const note = id ? body.ownerDocument.getElementById(id) : null;
    if (!note) return [];
    const copy = note.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("[data-footnote-backref]").forEach((a) => a.remove());
    copy.querySelectorAll("[id], [data-block-id]").forEach((el) => {
      el.removeAttribute("id");
      el.removeAttribute("data-block-id");
    });
    return [{ key: `footnote:${ref.id || i}`, number: ref.textContent ?? String(i + 1), ref, html: copy.innerHTML }];
  });
}

/** A note being written beside its passage (the margin's composer): the form and the passage it is about. */
export type MarginComposer = { span: TextSpan; node: ReactNode };

type Props = {
  /** Notes on the whole article, and "Note on this page" (or its form): above the passages' notes. */
  pageNotes?: NoteThread[];
  pageComposer?: ReactNode;
  groups: PassageGroup[];
  orphaned: NoteThread[];
  total: number;
  map: TextMap<Node>;
  body: HTMLElement;
  filter: ReactNode;
  activeId: string | null;
  /** The new-note form, placed level with its passage; the other notes make room for it. */
  composer?: MarginComposer | null;
  /** The note lit with its passage (pointed at in the text, or active): a connector joins them. */
  litId?: string | null;
  /** Said in an empty margin (nothing noted yet); by default how to add a note. */
  emptyHint?: ReactNode;
};

/** A passage shows this many notes; the rest wait behind "Show N more", so one busy passage does not push every later note far from its own. */
export const shownPerPassage = 3;

const composerKey = "composer";

// The margin beside the article (wide screens): each passage's notes at the height of the
// passage, pushed down when they would overlap, with the count of notes on the passage.
export function MarginNotes({
  pageNotes = [],
  pageComposer = null,
  groups,
  orphaned,
  total,
  map,
  body,
  filter,
  activeId,
  composer = null,
  litId = null,
  emptyHint = "Select a passage to add a note",
}: Props) {
  const review = !!useNotes().review;
  const lane = useRef<HTMLDivElement>(null);
  const connector = useRef<SVGSVGElement>(null);
  const frame = useRef(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [seenActive, setSeenActive] = useState<string | null>(null);
  // The body is server HTML that does not change while the page is open: read its footnotes once.
  const [sidenotes, setSidenotes] = useState<Sidenote[]>([]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- read from the server-rendered body once it is known
  useEffect(() => setSidenotes(readSidenotes(body)), [body]);
  // A note that becomes active (followed by a permalink, clicked in the text, focused) opens its
  // passage's group in the same render, so the note is there to be focused.
  // (Once per note and group: "Show fewer" may close it again.)
  // Only for a note behind "Show more": pointing at a visible one changes nothing.
  const activeGroup = activeId
    ? groups.find((g) => g.threads.findIndex((t) => t.id === activeId) >= shownPerPassage)
    : undefined;
  const seen = activeId && activeGroup ? `${activeId}@${activeGroup.key}` : null;
  if (seen !== seenActive) {
    setSeenActive(seen);
    if (activeGroup && !expanded.has(activeGroup.key)) setExpanded(new Set([...expanded, activeGroup.key]));
  }

  // The connector follows the lit note without a new layout of every box (hovering must stay cheap).
  const lit = useRef(litId);
  const drawLit = useCallback(() => {
    const root = lane.current;
    const id = lit.current;
    if (root)
      drawConnector(
        connector.current,
        root,
        body,
        map,
        id ? groups.find((g) => g.threads.some((t) => t.id === id)) : undefined,
        id,
      );
  }, [body, map, groups]);
  useLayoutEffect(() => {
    lit.current = litId;
    drawLit();
  }, [litId, drawLit]);

  const composerSpan = composer?.span ?? null;
  const layout = useCallback(() => {
    frame.current = 0;
    const root = lane.current;
    if (!root) return;
    const boxes = [...root.querySelectorAll<HTMLElement>(":scope > [data-passage]")];
    const laneTop = root.getBoundingClientRect().top;
    // Read everything first, then write: one layout pass however many notes there are.
    const byKey = new Map(groups.map((g) => [g.key, g]));
    const refs = new Map(sidenotes.map((n) => [n.key, n.ref]));
    const spanTop = (span: TextSpan) => liveRangeOf(map, span)?.getClientRects()[0];
    const desired = boxes.map((box) => {
      const key = box.dataset.passage ?? "";
      const group = byKey.get(key);
      const rect =
        key === composerKey && composerSpan
          ? spanTop(composerSpan)
          : group
            ? spanTop(group.span)
            : refs.get(key)?.getBoundingClientRect();
      return rect ? rect.top - laneTop : 0;
    });
    const heights = boxes.map((box) => box.offsetHeight);
    // Readers' notes and the article's footnotes share the lane: stacked in the order of their
    // passages, so neither ever covers the other. The composer keeps its passage's height: the
    // boxes above it move up out of its way (it comes first among boxes at the same height).
    const isComposer = (i: number) => boxes[i].dataset.passage === composerKey;
    const order = boxes
      .map((_, i) => i)
      .sort((a, b) => desired[a] - desired[b] || Number(isComposer(b)) - Number(isComposer(a)));
    const stacked = stackTopsAround(
      order.map((i) => desired[i]),
      order.map((i) => heights[i]),
      order.findIndex(isComposer),
    );
    const tops: number[] = [];
    order.forEach((i, k) => {
      tops[i] = stacked[k];
    });
    boxes.forEach((box, i) => {
      box.style.top = `${tops[i]}px`;
    });
    const end = boxes.length ? Math.max(...boxes.map((_, i) => tops[i] + heights[i])) : 0;
    const orphans = root.querySelector<HTMLElement>(":scope > [data-orphans]");
    if (orphans) orphans.style.top = `${end + 3 * GAP}px`;
    root.style.height = `${orphans ? end + 3 * GAP + orphans.offsetHeight : end}px`;
    drawLit();
  }, [groups, map, sidenotes, composerSpan, drawLit]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(layout);
  }, [layout]);

  // Page notes sit above the lane: when they (or their form) come or go, the lane moves.
  const pageBlock = `${pageNotes.length}:${!!pageComposer}`;
  useLayoutEffect(layout, [layout, expanded, composer, pageBlock]);

  useEffect(() => {
    const root = lane.current;
    if (!root) return;
    const observer = new ResizeObserver(schedule);
    observer.observe(body);
    for (const child of root.children) observer.observe(child);
    // The page notes above the lane (a form opening, a note added) move the lane.
    const page = root.parentElement?.querySelector(":scope > [data-page-notes]");
    if (page) observer.observe(page);
    addEventListener("resize", schedule);
    void document.fonts?.ready.then(schedule);
    return () => {
      observer.disconnect();
      removeEventListener("resize", schedule);
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [body, schedule, groups, orphaned, expanded, composer, pageBlock]);

  const empty = !groups.length && !orphaned.length && !composer && !pageNotes.length;
  return (
    <div className="font-sans">
      <div className="mb-3 space-y-2">
        <h2 className="text-sm font-semibold uppercase tracking-wider text-zinc-600 dark:text-zinc-400">
          {review ? "Review notes" : "Notes on this article"} ({total})
        </h2>
        {filter}
        {empty && emptyHint ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyHint}</p> : null}
      </div>
      <PageNotes threads={pageNotes} composer={pageComposer} headingLevel={3} idsFor={() => true} />
      <div ref={lane} className="relative">
        <svg
          ref={connector}
          data-connector
          aria-hidden="true"
          className="pointer-events-none absolute hidden overflow-visible text-amber-500 dark:text-amber-600"
        >
          <path fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        {composer ? (
          <div data-passage={composerKey} className="absolute inset-x-0 top-0 z-10">
            {composer.node}
          </div>
        ) : null}
        {groups.map((g) => {
          const single = g.threads.length === 1;
          const hidden = g.threads.slice(shownPerPassage);
          const open = expanded.has(g.key) || !hidden.length;
          const label = `${countLabel(g.threads)} on this passage`;
          const quote = single ? null : (g.threads[0].quote?.exact ?? map.text.slice(g.span.start, g.span.end));
          return (
            <section
              key={g.key}
              data-passage={g.key}
              aria-label={label}
              className={`absolute inset-x-0 top-0 space-y-2 ${single ? "" : "rounded-lg border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-950"}`}
            >
              {single ? (
                // One note: the card itself sits level with the passage; the count is for screen readers.
                <p className="sr-only">{label}</p>
              ) : (
                // Several: the passage is quoted once, above its notes; the glyph tells open from closed.
                <header className="space-y-1 px-1">
                  <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                    <span aria-hidden="true" data-group-glyph>
                      {open ? "▾" : "▸"}
                    </span>{" "}
                    {label}
                  </p>
                  {quote ? (
                    <blockquote className="border-l-4 border-amber-300 pl-2 font-serif text-[0.95rem] italic text-zinc-700 dark:border-amber-700 dark:text-zinc-300">
                      <p className="line-clamp-4">{quote}</p>
                    </blockquote>
                  ) : null}
                </header>
              )}
              {(open ? g.threads : g.threads.slice(0, shownPerPassage)).map((t) => (
                <NoteCard key={t.id} thread={t} withIds anchored showQuote={single} />
              ))}
              {hidden.length ? (
                <button
                  type="button"
                  aria-expanded={open}
                  onClick={() => setExpanded((all) => toggled(all, g.key))}
                  className="rounded px-2 py-1 text-xs font-medium text-accent-700 hover:bg-zinc-100 dark:text-accent-300 dark:hover:bg-zinc-800"
                >
                  {open ? "Show fewer notes on this passage" : `Show ${hidden.length} more on this passage`}
                </button>
              ) : null}
            </section>
          );
        })}
        {sidenotes.map((n) => (
          // A copy for the eye: the note itself is in the Notes list after the article, where the
          // reference links to, so screen readers meet it once.
          <aside
            key={n.key}
            data-passage={n.key}
            aria-hidden="true"
            className="sidenote absolute inset-x-0 top-0 border-l-2 border-zinc-300 pl-3 font-serif text-sm leading-snug text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
          >
            <span className="mr-1 font-sans text-xs font-semibold text-accent-700 dark:text-accent-300">
              {n.number}
            </span>
            <span className="[&_p]:inline [&_a]:underline" dangerouslySetInnerHTML={{ __html: n.html }} />
          </aside>
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

/** Smallest gutter (px) between the text column and the margin worth a connector line. */
const minGutter = 16;

/**
 * The line from a lit passage to its card, through the gutter between the text column and the
 * margin: level with the passage's first line at the text's edge, level with the card's top at
 * the margin's. Hidden when nothing is lit, the card is not shown, or the gutter is too narrow.
 */
function drawConnector(
  svg: SVGSVGElement | null,
  root: HTMLElement,
  body: HTMLElement,
  map: TextMap<Node>,
  group: PassageGroup | undefined,
  litId: string | null,
) {
  if (!svg) return;
  const hide = () => svg.classList.add("hidden");
  if (!group || !litId) return hide();
  const laneBox = root.getBoundingClientRect();
  const passage = liveRangeOf(map, group.span)?.getClientRects()[0];
  const section = root.querySelector<HTMLElement>(`:scope > [data-passage="${CSS.escape(group.key)}"]`);
  const card = section?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(litId)}"]`) ?? section;
  const bodyRight = body.getBoundingClientRect().right;
  const gutter = laneBox.left - bodyRight;
  if (!passage || !card || gutter < minGutter) return hide();
  const from = passage.top + Math.min(passage.height, 24) / 2 - laneBox.top;
  const to = card.getBoundingClientRect().top + 12 - laneBox.top;
  const top = Math.min(from, to) - 2;
  const height = Math.abs(to - from) + 4;
  svg.setAttribute("width", String(gutter));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${gutter} ${height}`);
  svg.style.left = `${-gutter}px`;
  svg.style.top = `${top}px`;
  svg.style.width = `${gutter}px`;
  svg.style.height = `${height}px`;
  const y1 = from - top;
  const y2 = to - top;
  svg.firstElementChild?.setAttribute("d", `M0 ${y1} H${gutter * 0.35} L${gutter * 0.65} ${y2} H${gutter}`);
  svg.classList.remove("hidden");
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

export function countLabel(threads: NoteThread[]) {
  const highlights = threads.filter((t) => t.motivation === "highlighting").length;
  const notes = threads.length - highlights;
  return [
    notes ? `${notes} ${notes === 1 ? "note" : "notes"}` : "",
    highlights ? `${highlights} ${highlights === 1 ? "highlight" : "highlights"}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}
