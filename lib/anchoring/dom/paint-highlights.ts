// Paints anchored passages without touching the article's DOM: the CSS Custom Highlight API
// (styled with ::highlight(gloss-note) etc.), so painting costs no layout and shifts nothing.
// Browsers without it get <mark> wrappers instead (which split text nodes: rebuild the map after).
import { staticRangeOf, type TextSpan } from "./dom-ranges";
import type { TextMap } from "./text-map";

export type PaintSpan = TextSpan & { kind: "note" | "highlight" };

export const highlightNames = {
  note: "gloss-note",
  dense: "gloss-note-dense",
  highlight: "gloss-highlight",
  active: "gloss-active",
} as const;

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: AbstractRange[]) => { priority: number };

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

export const supportsCustomHighlights = () => registry() !== null;

/** Where two or more note spans overlap (painted darker, so overlapping notes stay visible). */
export function overlapSpans(spans: readonly TextSpan[]): TextSpan[] {
  const events: [number, number][] = [];
  for (const s of spans) if (s.end > s.start) events.push([s.start, 1], [s.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextSpan[] = [];
  let depth = 0;
  let from = 0;
  for (const [at, change] of events) {
    if (depth >= 2 && at > from) {
      const last = out.at(-1);
      if (last && last.end === from) last.end = at;
      else out.push({ start: from, end: at });
    }
    depth += change;
    from = at;
  }
  return out;
}

/** The spans merged where they overlap or touch: the same painted text in fewer ranges. */
export function unionSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: TextSpan[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/**
 * Replaces the painted passages (Custom Highlight API): one range per stretch of text that notes
 * (or highlights) cover, however many overlap there — 10,000 notes on one article are a few
 * thousand ranges. Returns how many note ranges it registered; null when the API is missing.
 */
export function paintWithHighlights(map: TextMap<Node>, spans: readonly PaintSpan[]): number | null {
  const api = registry();
  if (!api) return null;
  const noteSpans = spans.filter((s) => s.kind === "note");
  const rangesOf = (list: readonly TextSpan[]) => list.map((s) => staticRangeOf(map, s)).filter((r) => r !== null);
  const notes = rangesOf(unionSpans(noteSpans));
  const marks = rangesOf(unionSpans(spans.filter((s) => s.kind !== "note")));
  const dense = rangesOf(overlapSpans(noteSpans));
  api.highlights.set(highlightNames.note, new api.Highlight(...notes));
  const denser = new api.Highlight(...dense);
  denser.priority = 1;
  api.highlights.set(highlightNames.dense, denser);
  api.highlights.set(highlightNames.highlight, new api.Highlight(...marks));
  return notes.length;
}

/** Paints the passage of the note in focus (or none) above the others. */
export function paintActive(map: TextMap<Node>, active: TextSpan | null) {
  const api = registry();
  if (!api) return;
  const range = active ? staticRangeOf(map, active) : null;
  if (!range) return api.highlights.delete(highlightNames.active);
  const highlight = new api.Highlight(range);
  highlight.priority = 2;
  api.highlights.set(highlightNames.active, highlight);
}

export function clearHighlights() {
  const api = registry();
  if (api) for (const name of Object.values(highlightNames)) api.highlights.delete(name);
}

const MARK_CLASS = "gloss-mark";

/** The fallback: wraps each span's text in <mark>, per text node, right to left so offsets hold. */
export function wrapMarks(map: TextMap<Node>, spans: readonly PaintSpan[], active: TextSpan | null) {
  const all = active ? [...spans, { ...active, kind: "active" as const }] : spans;
  for (let s = map.segments.length - 1; s >= 0; s--) {
    const { node, bounds } = map.segments[s];
    const first = bounds[0];
    const last = bounds[bounds.length - 1];
    const pieces = mergePieces(
      all
        .filter((span) => span.start < last && span.end > first)
        .map((span) => ({
          kind: span.kind as string,
          from: localOffset(bounds, Math.max(span.start, first), "start"),
          to: localOffset(bounds, Math.min(span.end, last), "end"),
        }))
        .filter((p) => p.to > p.from),
    );
    for (const piece of pieces.reverse()) {
      const text = node as Text;
      if (piece.to < text.length) text.splitText(piece.to);
      const middle = text.splitText(piece.from);
      const mark = document.createElement("mark");
      mark.className = `${MARK_CLASS} ${MARK_CLASS}-${piece.kind}`;
      middle.replaceWith(mark);
      mark.append(middle);
    }
  }
}

/** Removes the fallback's <mark>s, restoring the original text nodes' content. */
export function unwrapMarks(root: Element) {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}`)) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) parent.normalize();
}

// Overlapping pieces of one text node become one mark (the fallback cannot nest them).
function mergePieces(pieces: { kind: string; from: number; to: number }[]) {
  const merged: typeof pieces = [];
  for (const p of pieces.sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) {
      last.to = Math.max(last.to, p.to);
      if (p.kind === "active" || (p.kind === "note" && last.kind === "highlight")) last.kind = p.kind;
    } else merged.push({ ...p });
  }
  return merged;
}

function localOffset(bounds: Uint32Array, target: number, edge: "start" | "end"): number {
  if (edge === "start") {
    let j = bounds.length - 1;
    while (j > 0 && bounds[j] > target) j--;
    return j;
  }
  let j = 0;
  while (j < bounds.length - 1 && bounds[j] < target) j++;
  return j;
}
