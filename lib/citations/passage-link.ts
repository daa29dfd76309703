import type { TextQuote } from "@/lib/anchoring/types";

/** The longest passage a link may name: as long as an annotation's quote may be. */
export const MAX_CITED_QUOTE = 2_000;

/**
 * The link to a passage: the article's URL with the passage's W3C TextQuoteSelector in the query
 * (exact, prefix, suffix), which the article page anchors with the same core as margin notes.
 */
export function passageLink(origin: string, slug: string, quote: TextQuote): string {
  const query = new URLSearchParams({ passage: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
  return `${origin}/articles/${slug}?${query.toString()}#passage-cited`;
}
