// Node-only measurement code: runs an anchoring engine over the corpus and scores it as the
// corpus README says. Placements and `near` are code point ranges of the new text.
import { createCodePointIndex } from "@/lib/anchoring/code-points";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { hypothesisMatchQuote } from "../hypothesis-match-quote";
import { reanchor } from "@/lib/anchoring/reanchor";
import { createResolver } from "@/lib/anchoring/resolve-anchor";
import type { CorpusPair, CorpusQuote } from "./load-corpus";

export type Placement = { start: number; end: number } | null;

/** An engine places every quote of a pair in its new text, or orphans it (null). */
export type Engine = (pair: CorpusPair) => Placement[];

export type Verdict =
  | "kept"
  | "moved"
  | "orphaned"
  | "edited-placed"
  | "edited-orphaned"
  | "wrongly-orphaned"
  | "misplaced";

export type CorpusScore = Record<Verdict, number> & {
  total: number;
  milliseconds: number;
  misplacements: { file: string; id: string; must: string; placed: Placement; near: Placement }[];
};

/** Gloss as the server runs it: what describeAnchor stored on the old text, moved by reanchor. */
export const glossReanchor: Engine = (pair) => {
  const anchors = pair.quotes.map((quote) => describeAnchor(pair.oldText, quote.oldStart, quote.oldEnd, pair.oldBlocks));
  return reanchor(pair.oldText, pair.newText, anchors, { newBlocks: pair.newBlocks }).anchors.map((result) =>
    result.state === "anchored" ? { start: result.start, end: result.end } : null,
  );
};

/** Gloss without the diff: each stored anchor resolved on the new text from its old position. */
export const glossResolve: Engine = (pair) => {
  const anchors = pair.quotes.map((quote) => describeAnchor(pair.oldText, quote.oldStart, quote.oldEnd));
  return createResolver(pair.newText)
    .resolveAll(anchors)
    .map((result) => (result.state === "anchored" ? { start: result.start, end: result.end } : null));
};

/**
 * Hypothesis as its client anchors: the TextPositionSelector when the text there equals the
 * quote, else matchQuote with 32 characters of context each side (what it stores) and the old
 * position as hint.
 */
export const hypothesisBaseline: Engine = (pair) => {
  const oldIndex = createCodePointIndex(pair.oldText);
  const newIndex = createCodePointIndex(pair.newText);
  return pair.quotes.map((quote) => {
    const start = oldIndex.toUtf16(quote.oldStart);
    const end = oldIndex.toUtf16(quote.oldEnd);
    if (pair.newText.slice(start, end) === quote.exact) return { start: quote.oldStart, end: quote.oldEnd };
    const selector = {
      exact: quote.exact,
      prefix: pair.oldText.slice(Math.max(0, start - 32), start),
      suffix: pair.oldText.slice(end, end + 32),
    };
    const match = hypothesisMatchQuote(pair.newText, selector, start);
    return match && { start: newIndex.toCodePoint(match.start), end: newIndex.toCodePoint(match.end) };
  });
};

/**
 * The verdict on one placement: `anchored` quotes must land exactly on `near` (their unchanged
 * text); `orphaned` ones nowhere; `anchored_or_orphaned` ones (edited) either nowhere or on
 * `near`, meaning overlapping it by at least half of the shorter of the two ranges.
 */
export function judge(quote: CorpusQuote, placed: Placement): Verdict {
  if (quote.must === "orphaned") return placed ? "misplaced" : "orphaned";
  if (!placed) return quote.must === "anchored" ? "wrongly-orphaned" : "edited-orphaned";
  const near = quote.near!;
  if (quote.must === "anchored") {
    if (placed.start !== near.start || placed.end !== near.end) return "misplaced";
    return placed.start === quote.oldStart && placed.end === quote.oldEnd ? "kept" : "moved";
  }
  const overlap = Math.min(placed.end, near.end) - Math.max(placed.start, near.start);
  const shorter = Math.min(placed.end - placed.start, near.end - near.start);
  return overlap * 2 >= shorter ? "edited-placed" : "misplaced";
}

/** Runs `engine` over every pair and totals the verdicts. */
export function scoreCorpus(pairs: readonly CorpusPair[], engine: Engine): CorpusScore {
  const score: CorpusScore = {
    kept: 0,
    moved: 0,
    orphaned: 0,
    "edited-placed": 0,
    "edited-orphaned": 0,
    "wrongly-orphaned": 0,
    misplaced: 0,
    total: 0,
    milliseconds: 0,
    misplacements: [],
  };
  for (const pair of pairs) {
    const started = performance.now();
    const placements = engine(pair);
    score.milliseconds += performance.now() - started;
    pair.quotes.forEach((quote, index) => {
      const verdict = judge(quote, placements[index]);
      score[verdict]++;
      score.total++;
      if (verdict === "misplaced") {
        score.misplacements.push({ file: pair.file, id: quote.id, must: quote.must, placed: placements[index], near: quote.near });
      }
    });
  }
  return score;
}
