// "Where the conversation is": from an article's anchored public notes, the marks of the density
// bar beside the scroll bar and the passages many readers noted. Pure (no database): computed on
// the server with the article page, which is cached and shared, so both are part of the cached
// HTML. Small by construction: the page may grow by at most 2 kB (scripts/bench/bench-density.mjs).

/** An anchored public note as the summary needs it: code-point offsets in the current text. */
export type PlacedNote = {
  id: string;
  start: number;
  end: number;
  authorId: string | null;
  blockId: string | null;
  exact: string | null;
};

/** One mark of the density bar: where (percent of the text), how many notes, the first one's passage. */
export type DensityMark = { at: number; count: number; quote: string; id: string };

/** A passage at least `minReaders` distinct readers noted: its block, the count, a note on it. */
export type NotedPassage = { blockId: string; readers: number; id: string };

export type Conversation = { marks: DensityMark[]; noted: NotedPassage[] };

/** At most this many marks on the bar: busy articles get coarser buckets, never a longer bar. */
export const maxMarks = 10;
/** At most this many "N readers noted this" labels (the most-noted passages). */
export const maxNoted = 5;
/** A passage needs this many distinct public annotators to be labelled. */
export const minReaders = 3;
/** The passage quoted in a mark's accessible name, at most this many characters (then "…"). */
export const markQuoteLength = 24;

export function shortQuote(exact: string | null, max = markQuoteLength): string {
  const s = (exact ?? "").replace(/\s+/g, " ").trim();
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max).join("").trimEnd()}…`;
}

/**
 * Marks and labels for the notes of a text `textLength` code points long. Notes are bucketed by
 * where they start (50 buckets, halved until at most `maxMarks` are used); readers' passages are
 * clusters of overlapping notes, counted by distinct authors.
 */
export function summarizeConversation(notes: readonly PlacedNote[], textLength: number): Conversation {
  if (!notes.length || textLength <= 0) return { marks: [], noted: [] };
  const sorted = [...notes].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  return { marks: densityMarks(sorted, textLength), noted: notedPassages(sorted) };
}

function densityMarks(sorted: readonly PlacedNote[], textLength: number): DensityMark[] {
  let buckets = 50;
  let marks = bucketize(sorted, textLength, buckets);
  while (marks.length > maxMarks && buckets > 1) {
    buckets = Math.max(1, Math.floor(buckets / 2));
    marks = bucketize(sorted, textLength, buckets);
  }
  return marks;
}

function bucketize(sorted: readonly PlacedNote[], textLength: number, buckets: number): DensityMark[] {
  const out: DensityMark[] = [];
  let current = -1;
  for (const n of sorted) {
    const fraction = Math.min(1, Math.max(0, n.start / textLength));
    const bucket = Math.min(buckets - 1, Math.floor(fraction * buckets));
    if (bucket === current) {
      out[out.length - 1].count++;
      continue;
    }
    current = bucket;
    out.push({ at: Math.round(fraction * 1000) / 10, count: 1, quote: shortQuote(n.exact), id: n.id });
  }
  return out;
}

function notedPassages(sorted: readonly PlacedNote[]): NotedPassage[] {
  const clusters: { first: PlacedNote; end: number; authors: Set<string> }[] = [];
  for (const n of sorted) {
    const last = clusters.at(-1);
    if (last && n.start < last.end) {
      last.end = Math.max(last.end, n.end);
      if (n.authorId) last.authors.add(n.authorId);
    } else clusters.push({ first: n, end: n.end, authors: new Set(n.authorId ? [n.authorId] : []) });
  }
  // One label per block (the most-noted passage in it), the most-noted blocks first, in text order.
  const byBlock = new Map<string, NotedPassage & { order: number }>();
  clusters.forEach((c, order) => {
    const blockId = c.first.blockId;
    if (!blockId || c.authors.size < minReaders) return;
    const seen = byBlock.get(blockId);
    if (!seen || seen.readers < c.authors.size)
      byBlock.set(blockId, { blockId, readers: c.authors.size, id: c.first.id, order: seen?.order ?? order });
  });
  return [...byBlock.values()]
    .sort((a, b) => b.readers - a.readers || a.order - b.order)
    .slice(0, maxNoted)
    .sort((a, b) => a.order - b.order)
    .map(({ blockId, readers, id }) => ({ blockId, readers, id }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The article's HTML with each noted passage's block labelled: an empty `<span>` at the start of
 * the block whose text is drawn by CSS from its attribute (app/globals.css, `.readers-noted`).
 * It has no text node, so the article's text — what annotation positions count in, read from the
 * DOM by the margin — is unchanged. A block not found is skipped.
 */
export function labelNotedPassages(html: string, noted: readonly NotedPassage[]): string {
  let out = html;
  for (const p of noted) {
    // The block's opening tag: its data-block-id, then its other (double-quoted) attributes.
    const tag = new RegExp(`data-block-id="${escapeRegExp(p.blockId)}"(?:\\s+[^\\s"'>/=]+(?:="[^"]*")?)*\\s*>`);
    const m = tag.exec(out);
    if (!m) continue;
    const at = m.index + m[0].length;
    const label = `<span class="readers-noted" data-readers="${p.readers}"></span>`;
    out = out.slice(0, at) + label + out.slice(at);
  }
  return out;
}
