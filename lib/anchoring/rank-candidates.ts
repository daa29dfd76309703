import { prefixRun, suffixRun } from "./context-similarity";
import { createFuzzySearch, maxQuoteErrors } from "./find-fuzzy-candidates";
import {
  type Candidate,
  errorBudget,
  quoteDistinctiveness,
  type ScoredCandidate,
  scoreCandidate,
} from "./score-candidate";
import { ALIGNED_BONUS, MIN_MARGIN, MIN_SCORE } from "./thresholds";
import type { TextQuote } from "./types";

/** Exact occurrences scored in full at most; the rest are ranked by cheap context runs. */
const MAX_SCORED_EXACT = 32;
/** Rounds of approximate search (each finds the next best regions). */
const FUZZY_ROUNDS = 3;

export type Decision =
  | { accepted: true; best: ScoredCandidate }
  | { accepted: false; reason: "not-found" | "low-confidence" | "ambiguous"; best?: ScoredCandidate };

export type RankOptions = {
  /** UTF-16 offset where the quote used to start: breaks ties between equal scores. */
  hint?: number;
  /** Whether the quote occurred more than once in the text it was made on, when known. */
  recurred?: boolean;
  /** The hint is where a diff of the two revisions put the old passage (reanchor). */
  hintIsAligned?: boolean;
  /** The diff kept most of the passage there: it was edited in place, so it is there or gone. */
  stayedAtHint?: boolean;
  /** Whether a passage occurred in the text the anchor was made on, away from the quote
   * (reanchor knows). */
  existedElsewhere?: (passage: string) => boolean;
};

/**
 * Decides where `quote` is in `text`, given its exact occurrences (UTF-16 offsets). The whole
 * selector (prefix + exact + suffix) found exactly once is the W3C match and is taken at once.
 * Otherwise the exact occurrences and the approximate matches (errors ≤ min(256, length / 2),
 * searched only as far as could still matter) are scored, and the best is accepted only above
 * MIN_SCORE and ahead of every other place by MIN_MARGIN.
 */
export function rankCandidates(
  text: string,
  quote: TextQuote,
  occurrences: readonly number[],
  options: RankOptions = {},
): Decision {
  const length = quote.exact.length;
  const distinctiveness = quoteDistinctiveness(length, occurrences.length, options.recurred);
  // That the quote was unique says nothing of its variants ("Ministry of …" had a "ministry of …").
  const fuzzyDistinctiveness = quoteDistinctiveness(length, occurrences.length, options.recurred || undefined);
  const hint = options.hint;

  const whole = occurrences.filter((start) => hasWholeContext(text, quote, start));
  if (whole.length === 1 || (whole.length > 1 && hint !== undefined && whole.includes(hint))) {
    const start = whole.length === 1 ? whole[0] : hint!;
    const best = scoreCandidate(text, quote, { start, end: start + length, errors: 0, region: -1 }, distinctiveness);
    return { accepted: true, best: { ...best, score: 1 } };
  }

  // Where the diff put the old passage is evidence too, but only to part near-equals: it never
  // lifts a candidate over MIN_SCORE.
  const reach = Math.max(8, length / 2);
  const bonus = (candidate: Candidate) =>
    options.hintIsAligned && distance(candidate, hint) <= reach ? ALIGNED_BONUS : 0;
  const maxBonus = options.hintIsAligned ? ALIGNED_BONUS : 0;
  const rank = (candidate: ScoredCandidate) => candidate.score + bonus(candidate);

  const scored = pickForScoring(text, quote, occurrences, hint).map((start, index) =>
    scoreCandidate(text, quote, { start, end: start + length, errors: 0, region: -1 - index }, distinctiveness),
  );
  const decide = (candidates: ScoredCandidate[]): Decision => {
    const decision = decideBest(candidates, rank, hint);
    if (!decision.accepted) return decision;
    const { best } = decision;
    // A passage edited in place is there or gone; an approximate match that was already in the
    // old text is a look-alike, not the quote edited.
    const movedAway = options.stayedAtHint && bonus(best) === 0;
    const preexisting = best.errors > 0 && options.existedElsewhere?.(text.slice(best.start, best.end));
    return movedAway || preexisting ? { accepted: false, reason: "low-confidence", best } : decision;
  };
  let decision = decide(scored);
  const search = createFuzzySearch(
    text,
    quote.exact,
    occurrences.map((start) => ({ start, end: start + length })),
  );
  for (let round = 0; round < FUZZY_ROUNDS; round++) {
    // Only matches that could still change the decision are searched for.
    const target = scoreThatMatters(decision, rank, maxBonus);
    const matches = search.next(Math.min(maxQuoteErrors(length), errorBudget(quote, fuzzyDistinctiveness, target)));
    if (matches.length === 0) break;
    scored.push(...bestPerRegion(text, quote, matches, fuzzyDistinctiveness));
    decision = decide(scored);
  }
  return decision;
}

function decideBest(scored: ScoredCandidate[], rank: (candidate: ScoredCandidate) => number, hint?: number): Decision {
  if (scored.length === 0) return { accepted: false, reason: "not-found" };
  scored.sort((a, b) => rank(b) - rank(a) || distance(a, hint) - distance(b, hint));
  const [best, runnerUp] = scored;
  if (best.score < MIN_SCORE) return { accepted: false, reason: "low-confidence", best };
  if (runnerUp && rank(best) - rank(runnerUp) < MIN_MARGIN) return { accepted: false, reason: "ambiguous", best };
  return { accepted: true, best };
}

// The score a further candidate needs to change `decision`: to rival an accepted best, to stand
// clear of a tie, or to be acceptable at all.
function scoreThatMatters(decision: Decision, rank: (candidate: ScoredCandidate) => number, maxBonus: number): number {
  if (!decision.best || (!decision.accepted && decision.reason === "low-confidence")) return MIN_SCORE;
  const best = rank(decision.best);
  return decision.accepted ? best - MIN_MARGIN - maxBonus : best + MIN_MARGIN - maxBonus;
}

const hasWholeContext = (text: string, quote: TextQuote, start: number) =>
  start >= quote.prefix.length &&
  text.startsWith(quote.prefix, start - quote.prefix.length) &&
  text.startsWith(quote.suffix, start + quote.exact.length);

const distance = (candidate: Candidate, hint: number | undefined) =>
  hint === undefined ? 0 : Math.abs(candidate.start - hint);

// With many occurrences (a common word), score in full only those whose context agrees most.
function pickForScoring(
  text: string,
  quote: TextQuote,
  occurrences: readonly number[],
  hint?: number,
): readonly number[] {
  if (occurrences.length <= MAX_SCORED_EXACT) return occurrences;
  const end = (start: number) => start + quote.exact.length;
  const runs = occurrences.map((start) => ({
    start,
    run: prefixRun(text, start, quote.prefix) + suffixRun(text, end(start), quote.suffix),
  }));
  runs.sort((a, b) => b.run - a.run || Math.abs(a.start - (hint ?? 0)) - Math.abs(b.start - (hint ?? 0)));
  return runs.slice(0, MAX_SCORED_EXACT).map((entry) => entry.start);
}

function bestPerRegion(
  text: string,
  quote: TextQuote,
  matches: readonly Candidate[],
  distinctiveness: number,
): ScoredCandidate[] {
  const best = new Map<number, ScoredCandidate>();
  for (const match of matches) {
    const scored = scoreCandidate(text, quote, match, distinctiveness);
    const current = best.get(match.region);
    if (!current || scored.score > current.score) best.set(match.region, scored);
  }
  return [...best.values()];
}
