// The bridge between the article's plain text (what annotation positions count in) and the DOM
// (what the browser selects and paints). It walks the same text nodes as plainTextFromElement,
// block by block, applying the same white-space collapsing, and records for every character
// boundary of every text node its offset in the plain text. Offsets here are UTF-16 indexes of
// `text`; convert to code points with createCodePointIndex(text).
import {
  BLOCK_ID_ATTRIBUTE,
  type DomNodeLike,
  joinBlockTexts,
  normalizeBlockText,
  type TextBlock,
} from "@/lib/articles/plain-text";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** One text node of a block: `bounds[j]` is the plain-text offset of the boundary before its j-th unit. */
export type TextSegment<N> = { node: N; bounds: Uint32Array };

export type DomPoint<N> = { node: N; offset: number };

export type TextMap<N extends DomNodeLike> = {
  /** Exactly plainTextFromElement(root). */
  readonly text: string;
  readonly blocks: TextBlock[];
  /** Every mapped text node, in plain-text order (offsets never decrease from one to the next). */
  readonly segments: readonly TextSegment<N>[];
  /** The plain-text offset of a boundary inside a mapped text node; null for any other node. */
  fromDom(node: N, offset: number): number | null;
  /** The DOM point of a plain-text offset: a range's `start` skips collapsed white space forward, its `end` backward. */
  toDom(offset: number, edge: "start" | "end"): DomPoint<N> | null;
};

// What `\s` matches in JavaScript regular expressions (normalizeBlockText collapses those runs).
export function isWhiteSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

/**
 * Collapses `raw` as normalizeBlockText does and returns, for every boundary of `raw`, how many
 * characters of the collapsed text come before it (a run of white space counts as its first unit).
 * `base` is added to every bound (the block's offset in the whole text).
 */
export function collapseBoundaries(raw: string, base = 0): { text: string; bounds: Uint32Array } {
  const bounds = new Uint32Array(raw.length + 1);
  let out = 0;
  bounds[0] = base;
  for (let i = 0; i < raw.length; ) {
    if (!isWhiteSpace(raw.charCodeAt(i))) {
      bounds[++i] = base + ++out;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < raw.length && isWhiteSpace(raw.charCodeAt(runEnd))) runEnd++;
    if (out > 0 && runEnd < raw.length) out++;
    for (let k = i; k < runEnd; k++) bounds[k + 1] = base + out;
    i = runEnd;
  }
  return { text: normalizeBlockText(raw), bounds };
}

type RawBlock<N> = { id: string; nodes: N[] };

// The same walk as blocksFromElement: a block's own text nodes, nested blocks as blocks of their own.
function collectBlocks<N extends DomNodeLike>(root: N): RawBlock<N>[] {
  const blocks: RawBlock<N>[] = [];
  const visit = (node: N, nodes: N[] | null): void => {
    const children = node.childNodes as ArrayLike<N>;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      if (child.nodeType === TEXT_NODE) {
        if (nodes && child.nodeValue) nodes.push(child);
      } else if (child.nodeType === ELEMENT_NODE) {
        const id = child.getAttribute?.(BLOCK_ID_ATTRIBUTE) ?? null;
        if (id === null) visit(child, nodes);
        else {
          const block = { id, nodes: [] as N[] };
          blocks.push(block);
          visit(child, block.nodes);
        }
      }
    }
  };
  const rootId = root.nodeType === ELEMENT_NODE ? (root.getAttribute?.(BLOCK_ID_ATTRIBUTE) ?? null) : null;
  if (rootId === null) visit(root, null);
  else {
    const block = { id: rootId, nodes: [] as N[] };
    blocks.push(block);
    visit(root, block.nodes);
  }
  return blocks;
}

/** Reads `root` once: its plain text and the offset of every boundary of its block text nodes. */
export function createTextMap<N extends DomNodeLike>(root: N): TextMap<N> {
  const blocks: TextBlock[] = [];
  const segments: TextSegment<N>[] = [];
  const byNode = new Map<N, TextSegment<N>>();
  let offset = 0;
  for (const [index, block] of collectBlocks(root).entries()) {
    if (index > 0) offset += 1; // the "\n" that joins blocks
    const values = block.nodes.map((node) => node.nodeValue ?? "");
    const collapsed = collapseBoundaries(values.join(""), offset);
    let rawStart = 0;
    block.nodes.forEach((node, at) => {
      const length = values[at].length;
      // A view into the block's table: neighbouring nodes share their common boundary.
      const segment = { node, bounds: collapsed.bounds.subarray(rawStart, rawStart + length + 1) };
      segments.push(segment);
      byNode.set(node, segment);
      rawStart += length;
    });
    blocks.push({ id: block.id, text: collapsed.text });
    offset += collapsed.text.length;
  }
  const text = joinBlockTexts(blocks.map((block) => block.text));

  return {
    text,
    blocks,
    segments,
    fromDom(node, at) {
      const segment = byNode.get(node);
      if (!segment) return null;
      return segment.bounds[Math.max(0, Math.min(at, segment.bounds.length - 1))];
    },
    toDom(target, edge) {
      if (segments.length === 0) return null;
      if (edge === "start") {
        // The last segment that starts at or before the offset, then its last boundary there.
        const s = lastIndex(segments.length, (i) => segments[i].bounds[0] <= target);
        const segment = segments[Math.max(0, s)];
        const j = lastIndex(segment.bounds.length, (k) => segment.bounds[k] <= target);
        return { node: segment.node, offset: Math.max(0, j) };
      }
      // The first segment that ends at or after the offset, then its first boundary there.
      const s = firstIndex(segments.length, (i) => segments[i].bounds[segments[i].bounds.length - 1] >= target);
      const segment = segments[Math.min(segments.length - 1, s)];
      const j = firstIndex(segment.bounds.length, (k) => segment.bounds[k] >= target);
      return { node: segment.node, offset: Math.min(segment.bounds.length - 1, j) };
    },
  };
}

// Binary searches over a predicate that is true then false (lastIndex) or false then true (firstIndex).
function lastIndex(length: number, holds: (index: number) => boolean): number {
  let low = 0;
  let high = length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (holds(mid)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function firstIndex(length: number, holds: (index: number) => boolean): number {
  let low = 0;
  let high = length - 1;
  let found = length;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (holds(mid)) {
      found = mid;
      high = mid - 1;
    } else low = mid + 1;
  }
  return found;
}
