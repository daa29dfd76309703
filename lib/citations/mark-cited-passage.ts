import { blockIdAt } from "@/lib/anchoring/describe-anchor";
import { createResolver } from "@/lib/anchoring/resolve-anchor";
import type { TextQuote } from "@/lib/anchoring/types";
import { markPassage } from "@/lib/annotations/mark-passage";

/** The id of the marked passage: a "Cite this passage" link ends in #passage-cited. */
export const CITED_PASSAGE_ID = "cited";

type Revision = { html: string; text: string; blockIds: string[] };

/**
 * A cited passage (a "Cite this passage" link's TextQuoteSelector) marked in the article's HTML:
 * placed by the same anchoring core as margin notes, so a passage edited since it was cited is
 * still found — or `found: false` (and the HTML unchanged) when it is no longer there.
 */
export function markCitedPassage(revision: Revision, quote: TextQuote): { html: string; found: boolean } {
  const resolver = createResolver(revision.text);
  const result = resolver.resolve({ quote });
  if (result.state !== "anchored") return { html: revision.html, found: false };
  const { index, text } = resolver;
  const start = index.toUtf16(result.start);
  const end = index.toUtf16(result.end);
  const texts = text.split("\n");
  const blocks = revision.blockIds.map((id, i) => ({ id, text: texts[i] ?? "" }));
  // A passage over several blocks is marked in the block it starts in (where the link scrolls to).
  const exact = text.slice(start, end).split("\n")[0] || text.slice(start, end).trim();
  const html = markPassage(revision.html, {
    id: CITED_PASSAGE_ID,
    exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    blockId: blockIdAt(blocks, result.start) ?? null,
  });
  return { html, found: html !== revision.html };
}
