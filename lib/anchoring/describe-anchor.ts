import { type CodePointIndex, codePointLength } from "./code-points";
import { describeTextQuote } from "./describe-text-quote";
import type { AnchorBlock, StoredAnchor } from "./types";

/**
 * The anchor Gloss stores for a selection text[start, end) (code points of the article's plain
 * text): its quote with unambiguous context, its position, and the block it starts in.
 */
export function describeAnchor(
  text: string,
  start: number,
  end: number,
  blocks?: readonly AnchorBlock[],
  index?: CodePointIndex,
): StoredAnchor {
  const quote = describeTextQuote(text, start, end, index);
  const blockId = blocks ? blockIdAt(blocks, start) : undefined;
  return blockId === undefined ? { quote, position: { start, end } } : { quote, position: { start, end }, blockId };
}

/**
 * The id of the block holding code point `offset` of the blocks' joined text; the "\n" between
 * two blocks belongs to the block after it, where a selection starting there becomes visible.
 */
export function blockIdAt(blocks: readonly AnchorBlock[], offset: number): string | undefined {
  const { starts, lengths } = blockStarts(blocks);
  if (blocks.length === 0 || offset < 0) return undefined;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    // Block `middle` owns offsets from the newline before it on.
    if (starts[middle] - 1 <= offset) low = middle;
    else high = middle - 1;
  }
  return offset < starts[low] + lengths[low] ? blocks[low].id : undefined;
}

// Code point offset and length of each block in the joined text, computed once per blocks array
// (re-anchoring 10,000 notes asks for the block of each).
const startsCache = new WeakMap<readonly AnchorBlock[], { starts: number[]; lengths: number[] }>();

function blockStarts(blocks: readonly AnchorBlock[]): { starts: number[]; lengths: number[] } {
  let cached = startsCache.get(blocks);
  if (!cached) {
    cached = { starts: [], lengths: [] };
    let offset = 0;
    for (const block of blocks) {
      const length = codePointLength(block.text);
      cached.starts.push(offset);
      cached.lengths.push(length);
      offset += length + 1;
    }
    startsCache.set(blocks, cached);
  }
  return cached;
}
