import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import {
  CONTEXT_FLOOR,
  CONTEXT_WEIGHT,
  DISTINCT_LENGTH,
  QUOTE_FLOOR,
  QUOTE_WEIGHT,
  UNKNOWN_DISTINCT_LENGTH,
} from "./thresholds";
import type { TextQuote } from "./types";

/** A place in the text (UTF-16 offsets) where the quote may be, with its match quality. */
export type Candidate = {
  start: number;
  end: number;
  /** Edits between the quote and text[start, end): 0 for an exact occurrence. */
  errors: number;
  /** Candidates of one region are variants of one placement; exact ones are their own. */
  region: number;
};

export type ScoredCandidate = Candidate & {
  score: number;
  quoteSimilarity: number;
  prefixSimilarity: number | null;
  suffixSimilarity: number | null;
};

const agreement = (similarity: number, floor: number) =>
  similarity <= floor ? 0 : similarity >= 1 ? 1 : (similarity - floor) / (1 - floor);

/**
 * How much the quote's own text counts, from 0 to 1. Nothing when it recurs in the text, or
 * recurred in the text the anchor was made on: then only the context tells places apart.
 * Otherwise it grows with the quote's length, faster when the quote is known to have been unique
 * in that original text (reanchor knows; `recurred` undefined means unknown).
 */
export function quoteDistinctiveness(quoteLength: number, occurrences: number, recurred: boolean | undefined): number {
  if (recurred === true || occurrences > 1) return 0;
  return Math.min(1, quoteLength / (recurred === false ? DISTINCT_LENGTH : UNKNOWN_DISTINCT_LENGTH));
}

function weights(quote: TextQuote, distinctiveness: number) {
  const hasContext = quote.prefix.length > 0 || quote.suffix.length > 0;
  // A quote that was the whole text has no context: the quote alone must carry it.
  return {
    quote: QUOTE_WEIGHT * (hasContext ? distinctiveness : 1),
    context: hasContext ? CONTEXT_WEIGHT : 0,
  };
}

/**
 * The most errors a match may have and still reach `target` with a perfect context: matches
 * with more can neither be accepted nor rival the best, so the search need not find them.
 * Never more than QUOTE_FLOOR allows: a match that poor is no candidate at all.
 */
export function errorBudget(quote: TextQuote, distinctiveness: number, target: number): number {
  const length = quote.exact.length;
  const floorBudget = Math.floor(length * (1 - QUOTE_FLOOR) + 1e-9);
  const weight = weights(quote, distinctiveness);
  const total = weight.quote + weight.context;
  if (total === 0 || target > 1) return -1;
  if (weight.quote === 0) return floorBudget;
  const neededAgreement = (target * total - weight.context) / weight.quote;
  if (neededAgreement <= 0) return floorBudget;
  if (neededAgreement > 1) return -1;
  const neededSimilarity = QUOTE_FLOOR + neededAgreement * (1 - QUOTE_FLOOR);
  return Math.min(floorBudget, Math.floor(length * (1 - neededSimilarity) + 1e-9));
}

/**
 * How well the stored sides of the context agree, from 0 to 1. A distinctive quote needs one
 * side only (the mean); a quote that recurs needs both (the geometric mean), since one side
 * and the quote may recur together ("…of an independent Nation State" twice in the seed); in
 * between, a blend weighted by the quote's distinctiveness.
 */
function contextAgreement(before: number | null, after: number | null, distinctiveness: number): number {
  const sides = [before, after].filter((side) => side !== null).map((side) => agreement(side, CONTEXT_FLOOR));
  if (sides.length < 2) return sides[0] ?? 0;
  const mean = (sides[0] + sides[1]) / 2;
  const geometric = Math.sqrt(sides[0] * sides[1]);
  return distinctiveness * mean + (1 - distinctiveness) * geometric;
}

/**
 * Confidence, from 0 to 1, that the candidate is the quoted passage: the weighted agreement of
 * the quote (above QUOTE_FLOOR; 0 below it) and of its context (above CONTEXT_FLOOR, each side).
 */
export function scoreCandidate(
  text: string,
  quote: TextQuote,
  candidate: Candidate,
  distinctiveness: number,
): ScoredCandidate {
  const quoteSimilarity = 1 - candidate.errors / Math.max(1, quote.exact.length);
  if (quoteSimilarity < QUOTE_FLOOR) {
    return { ...candidate, score: 0, quoteSimilarity, prefixSimilarity: null, suffixSimilarity: null };
  }
  const before = prefixSimilarity(text, candidate.start, quote.prefix);
  const after = suffixSimilarity(text, candidate.end, quote.suffix);
  const context = contextAgreement(before, after, distinctiveness);
  const weight = weights(quote, distinctiveness);
  const total = weight.quote + weight.context;
  const score =
    total === 0 ? 0 : (weight.quote * agreement(quoteSimilarity, QUOTE_FLOOR) + weight.context * context) / total;
  return { ...candidate, score, quoteSimilarity, prefixSimilarity: before, suffixSimilarity: after };
}
