import { createResolver } from "@/lib/anchoring/resolve-anchor";
import type { TextQuote } from "@/lib/anchoring/types";
import { markPassageParts, type PassagePart } from "@/lib/annotations/mark-passage";

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
  // Each block the passage covers gets its part marked (the first mark is where the link scrolls).
  const parts: PassagePart[] = [];
  let from = 0;
  text.split("\n").forEach((blockText, i) => {
    const to = from + blockText.length;
    const blockId = revision.blockIds[i];
    const a = Math.max(start, from) - from;
    const b = Math.min(end, to) - from;
    if (blockId !== undefined && a < b && blockText.slice(a, b).trim())
      parts.push({ blockId, exact: blockText.slice(a, b), prefix: blockText.slice(Math.max(0, a - 32), a) });
    from = to + 1;
  });
  const html = markPassageParts(revision.html, `passage-${CITED_PASSAGE_ID}`, parts);
  return { html, found: html !== revision.html };
}
