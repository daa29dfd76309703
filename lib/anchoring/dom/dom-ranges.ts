// Browser side of the text map: a DOM selection → plain-text offsets, and offsets → DOM ranges.
import { isWhiteSpace, type TextMap } from "./text-map";

export type TextSpan = { start: number; end: number };

/** Narrows a span so it neither starts nor ends with white space (or the "\n" between blocks). */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The plain-text span (UTF-16 offsets of map.text) that a DOM range covers, trimmed; null when none. */
export function spanOfRange(map: TextMap<Node>, range: AbstractRange & Pick<Range, "intersectsNode">): TextSpan | null {
  let start = Infinity;
  let end = -Infinity;
  for (const { node, bounds } of map.segments) {
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? bounds[Math.min(range.startOffset, bounds.length - 1)] : bounds[0];
    const to =
      node === range.endContainer ? bounds[Math.min(range.endOffset, bounds.length - 1)] : bounds[bounds.length - 1];
    if (to <= from) continue;
    if (from < start) start = from;
    if (to > end) end = to;
  }
  return end > start ? trimSpan(map.text, { start, end }) : null;
}

/** A static DOM range over a plain-text span (cheap: painting makes one per annotation). */
export function staticRangeOf(map: TextMap<Node>, span: TextSpan): StaticRange | null {
  const from = map.toDom(span.start, "start");
  const to = map.toDom(span.end, "end");
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}

/** A live DOM range over a plain-text span (for measuring where a passage sits on the page). */
export function liveRangeOf(map: TextMap<Node>, span: TextSpan): Range | null {
  const from = map.toDom(span.start, "start");
  const to = map.toDom(span.end, "end");
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The plain-text offset under a viewport point (a click or tap), or null outside mapped text. */
export function offsetAtPoint(map: TextMap<Node>, x: number, y: number): number | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === "function") {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? map.fromDom(position.offsetNode, position.offset) : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? map.fromDom(range.startContainer, range.startOffset) : null;
}
