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
export const maxMarks = 8;
/** At most this many "N readers noted this" labels (the most-noted passages). */
export const maxNoted = 3;
/** A passage needs this many distinct public annotators to be labelled. */
export const minReaders = 3;
/** The passage quoted in a mark's accessible name, at most this many characters (then "…"). */
export const markQuoteLength = 20;

export function shortQuote(exact: string | null, max = markQuoteLength): string {
  const s = (exact ?? "").replace(/\s+/g, " ").trim();
  const chars = [...s];
  if (chars.length <= max) return s;
  const cut = chars.slice(0, max).join("");
  // At a word's end when there is one in the second half.
  const space = cut.lastIndexOf(" ");
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Overlapping notes: one passage of the conversation. */
type Cluster = { first: PlacedNote; start: number; end: number; count: number; authors: Set<string> };

/**
 * Marks and labels for the notes of a text `textLength` code points long. Overlapping notes make
 * one passage (a cluster); the bar puts passages in buckets by where they start (50 buckets,
 * or `maxMarks` when that would be too many marks), each mark counting its notes; a passage with at least
 * `minReaders` distinct authors is labelled.
 */
export function summarizeConversation(notes: readonly PlacedNote[], textLength: number): Conversation {
  if (!notes.length || textLength <= 0) return { marks: [], noted: [] };
  const sorted = [...notes].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  const clusters: Cluster[] = [];
  for (const n of sorted) {
    const last = clusters.at(-1);
    if (last && n.start < last.end) {
      last.end = Math.max(last.end, n.end);
      last.count++;
      if (n.authorId) last.authors.add(n.authorId);
    } else
      clusters.push({
        first: n,
        start: n.start,
        end: n.end,
        count: 1,
        authors: new Set(n.authorId ? [n.authorId] : []),
      });
  }
  return { marks: densityMarks(clusters, textLength), noted: notedPassages(clusters) };
}

function densityMarks(clusters: readonly Cluster[], textLength: number): DensityMark[] {
  const fine = bucketize(clusters, textLength, 50);
  // Too many: coarser buckets, as many as there may be marks (so never more).
  return fine.length > maxMarks ? bucketize(clusters, textLength, maxMarks) : fine;
}

function bucketize(clusters: readonly Cluster[], textLength: number, buckets: number): DensityMark[] {
  const out: DensityMark[] = [];
  let current = -1;
  for (const c of clusters) {
    const fraction = Math.min(1, Math.max(0, c.start / textLength));
    const bucket = Math.min(buckets - 1, Math.floor(fraction * buckets));
    if (bucket === current) {
      out[out.length - 1].count += c.count;
      continue;
    }
    current = bucket;
    out.push({
      at: Math.round(fraction * 1000) / 10,
      count: c.count,
      quote: shortQuote(c.first.exact),
      id: c.first.id,
    });
  }
  return out;
}

function notedPassages(clusters: readonly Cluster[]): NotedPassage[] {
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
 * the block whose text is drawn by CSS from its attribute (conversation.css, `[data-readers]`).
 * It has no text node, so the article's text — what annotation positions count in, read from the
 * DOM by the margin — is unchanged. A block not found is skipped.
 */
export function labelNotedPassages(html: string, noted: readonly NotedPassage[]): string {
  let out = html;
  for (const p of noted) {
    // The block's opening tag: its data-block-id, then its other (double-quoted) attributes.
    const tag = new RegExp(`data-block-id="${escapeRegExp(p.blockId)}"(?:\\s+[^\\s"'>/=]+(?:="[^"]*")?)*\\s*>`, "y");
    // Found by its id first (cheap), then the tag's end from there.
    const from = out.indexOf(`data-block-id="${p.blockId}"`);
    if (from === -1) continue;
    tag.lastIndex = from;
    const m = tag.exec(out);
    if (!m) continue;
    const at = m.index + m[0].length;
    const label = `<span data-readers="${p.readers}"></span>`;
    out = out.slice(0, at) + label + out.slice(at);
  }
  return out;
}
