import approxSearch from "approx-string-match";
import { maxQuoteErrors } from "@/lib/anchoring/find-fuzzy-candidates";
import type { TextQuote } from "@/lib/anchoring/types";

// The baseline Gloss is measured against: the Hypothesis client's quote matching
// (hypothesis/client src/annotator/anchoring/match-quote.ts), re-implemented here. Offsets are
// UTF-16 code units, as in Hypothesis. Its best candidate is taken whatever its score.

export type HypothesisMatch = { start: number; end: number; score: number };

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

type Match = { start: number; end: number; errors: number };

// Exact occurrences when there are any, otherwise the fewest-error approximate matches.
function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

// 1 − errors / length of the best match of `pattern` anywhere in `text`; 0 when either is empty.
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  return 1 - matches[0].errors / pattern.length;
}

/** Hypothesis's matchQuote: the best-scoring place for the quote, or null when none is found. */
export function hypothesisMatchQuote(text: string, quote: TextQuote, hintStart?: number): HypothesisMatch | null {
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return null;
  const matches = search(text, exact, maxQuoteErrors(exact.length));
  if (matches.length === 0) return null;

  const scoreOf = (match: Match): number => {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1;
    const suffixScore = suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const positionScore = hintStart === undefined ? 1 : 1 - Math.abs(match.start - hintStart) / text.length;
    const total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
    return (
      (QUOTE_WEIGHT * quoteScore +
        PREFIX_WEIGHT * prefixScore +
        SUFFIX_WEIGHT * suffixScore +
        POSITION_WEIGHT * positionScore) /
      total
    );
  };

  let best: HypothesisMatch | null = null;
  for (const match of matches) {
    const score = scoreOf(match);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}
