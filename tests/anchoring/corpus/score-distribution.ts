// Node-only measurement code: the evidence behind the thresholds in thresholds.ts. For
// every corpus quote, every candidate place (each exact occurrence and each region of
// approximate matches with errors ≤ min(256, length / 2)) is scored, and split into the places
// where the quote belongs (overlapping `near`) and the wrong ones.
import { createCodePointIndex } from "@/lib/anchoring/code-points";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { findAll } from "@/lib/anchoring/find-exact-occurrences";
import { createFuzzySearch, maxQuoteErrors } from "@/lib/anchoring/find-fuzzy-candidates";
import { quoteDistinctiveness, scoreCandidate, type ScoredCandidate } from "@/lib/anchoring/score-candidate";
import type { CorpusPair } from "./load-corpus";

export type ScoreDistribution = {
  /** Scores of candidates at the right place, and of all wrong candidates. */
  right: number[];
  wrong: number[];
  /** Quote similarity of approximate candidates, right and wrong. */
  rightFuzzySimilarity: number[];
  wrongFuzzySimilarity: number[];
  /** Context similarity (each side) next to wrong candidates. */
  wrongContextSimilarity: number[];
  /** Best minus runner-up, where the best is right and scores at least `minScore`. */
  margins: number[];
  /** Scores of the right places, exact and approximate, below 0.7 (the close calls). */
  closeCalls: string[];
};

const ROUNDS = 3;

export function scoreDistribution(pairs: readonly CorpusPair[], minScore: number): ScoreDistribution {
  const result: ScoreDistribution = {
    right: [],
    wrong: [],
    rightFuzzySimilarity: [],
    wrongFuzzySimilarity: [],
    wrongContextSimilarity: [],
    margins: [],
    closeCalls: [],
  };
  for (const pair of pairs) {
    const newIndex = createCodePointIndex(pair.newText);
    for (const quote of pair.quotes) {
      const anchor = describeAnchor(pair.oldText, quote.oldStart, quote.oldEnd);
      const length = quote.exact.length;
      const occurrences = findAll(pair.newText, quote.exact);
      // As reanchor scores them: every corpus quote occurs once in its old text, which says
      // nothing about its variants (rank-candidates.ts).
      const distinctiveness = quoteDistinctiveness(length, occurrences.length, false);
      const fuzzyDistinctiveness = quoteDistinctiveness(length, occurrences.length, undefined);
      const candidates: ScoredCandidate[] = occurrences.map((start, index) =>
        scoreCandidate(pair.newText, anchor.quote, { start, end: start + length, errors: 0, region: -1 - index }, distinctiveness),
      );
      const search = createFuzzySearch(pair.newText, quote.exact, occurrences.map((start) => ({ start, end: start + length })));
      for (let round = 0; round < ROUNDS; round++) {
        const best = new Map<number, ScoredCandidate>();
        for (const match of search.next(maxQuoteErrors(length))) {
          const scored = scoreCandidate(pair.newText, anchor.quote, match, fuzzyDistinctiveness);
          const current = best.get(match.region);
          if (!current || scored.score > current.score) best.set(match.region, scored);
        }
        if (best.size === 0) break;
        candidates.push(...best.values());
      }

      const isRight = (candidate: ScoredCandidate) => {
        if (!quote.near) return false;
        const start = newIndex.toCodePoint(candidate.start);
        const end = newIndex.toCodePoint(candidate.end);
        const overlap = Math.min(end, quote.near.end) - Math.max(start, quote.near.start);
        return overlap * 2 >= Math.min(end - start, quote.near.end - quote.near.start);
      };
      for (const candidate of candidates) {
        const right = isRight(candidate);
        (right ? result.right : result.wrong).push(candidate.score);
        if (right && candidate.score < 0.7) {
          result.closeCalls.push(`${quote.id} ${pair.file.replace(/\.json$/, "")} ${candidate.errors ? "approximate" : "exact"} ${candidate.score.toFixed(3)}`);
        }
        if (candidate.errors > 0) (right ? result.rightFuzzySimilarity : result.wrongFuzzySimilarity).push(candidate.quoteSimilarity);
        if (!right) {
          for (const side of [candidate.prefixSimilarity, candidate.suffixSimilarity]) {
            if (side !== null) result.wrongContextSimilarity.push(side);
          }
        }
      }
      candidates.sort((a, b) => b.score - a.score);
      const [best, runnerUp] = candidates;
      if (best && isRight(best) && best.score >= minScore) result.margins.push(best.score - (runnerUp?.score ?? 0));
    }
  }
  return result;
}

/** min / 10th percentile / median / 90th percentile / max of a list, for printing. */
export function summarize(values: readonly number[]): string {
  if (values.length === 0) return "none";
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))].toFixed(3);
  return `n=${sorted.length} min=${at(0)} p10=${at(0.1)} median=${at(0.5)} p90=${at(0.9)} max=${at(1)}`;
}
