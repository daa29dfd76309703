import { type CodePointIndex, createCodePointIndex } from "./code-points";
import { findAll } from "./find-exact-occurrences";
import type { TextQuote } from "./types";

export type TextQuoteMatch =
  | { state: "found"; start: number; end: number }
  | { state: "absent" }
  | { state: "ambiguous"; count: number };

/**
 * Strict W3C TextQuoteSelector matching, for selectors a client posts: the places where
 * prefix + exact + suffix occur in `text` (prefix and suffix may be empty or short). One place
 * gives its code point range; none means the selector does not match the text; several mean
 * the context does not single one occurrence out.
 */
export function matchTextQuote(text: string, quote: TextQuote, index?: CodePointIndex): TextQuoteMatch {
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return { state: "absent" };
  const places = findAll(text, exact).filter(
    (at) =>
      at >= prefix.length && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, at + exact.length),
  );
  if (places.length === 0) return { state: "absent" };
  if (places.length > 1) return { state: "ambiguous", count: places.length };
  const points = index ?? createCodePointIndex(text);
  return { state: "found", start: points.toCodePoint(places[0]), end: points.toCodePoint(places[0] + exact.length) };
}
