import { approxSearch } from "./approx-search";
import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import type { DiffMap } from "./diff-map";
import { createFuzzySearch, maxQuoteErrors } from "./find-fuzzy-candidates";
import { type FoldedText, foldString } from "./fold-typography";
import {
  FOLLOW_CONTEXT,
  FOLLOW_KEPT,
  FOLLOW_MAX_CLAUSE,
  FOLLOW_MAX_GROWTH,
  FOLLOW_RIVAL_MARGIN,
  FOLLOW_RUN,
  QUOTE_FLOOR,
} from "./thresholds";
import type { TextQuote } from "./types";

export type FollowInput = {
  oldFolded: FoldedText;
  newFolded: FoldedText;
  /** The diff of the two folded texts. */
  diff: DiffMap;
};

export type FollowDecision =
  /** The edited passage, in UTF-16 offsets of the new (original, unfolded) text. */
  | { kind: "followed"; start: number; end: number; similarity: number }
  /** Another region of the new text resembles the quote as much: orphan, never guess. */
  | { kind: "competing" }
  /** The diff does not say where the passage went (moved, rewritten, context changed). */
  | { kind: "no-evidence" };

const WORD_CHAR = /[\p{L}\p{N}\p{M}_'-]/u;
const isWordChar = (text: string, at: number) => at >= 0 && at < text.length && WORD_CHAR.test(text[at]);

/**
 * Whether the passage old[start, end) (UTF-16 offsets of the old text), edited by the revision,
 * is still there, and where: the diff (on typographically folded text, so curly quotes, dashes
 * and spaces are no edits) must keep most of its characters in one contiguous region no more
 * than FOLLOW_MAX_GROWTH times its length, crossing no new paragraph break; the context must
 * agree on one side (or the block be the same); and no other region of the new text may
 * resemble the quote as much — nor may the region's text have been elsewhere in the old text.
 */
export function followEdit(
  input: FollowInput,
  quote: TextQuote,
  start: number,
  end: number,
  sameBlock: boolean,
): FollowDecision {
  const { oldFolded, newFolded, diff } = input;
  const oldText = oldFolded.text;
  const newText = newFolded.text;
  const from = oldFolded.toFolded(start);
  const to = oldFolded.toFolded(end);
  const folded = oldText.slice(from, to);
  if (folded.trim().length === 0) return { kind: "no-evidence" };

  const inPlace = diff.traceRange(from, to);
  let traced = inPlace;
  // In a long rewritten run the whole-text diff may not align the quote's words (or aligns
  // them with a look-alike): its paragraph is diffed again, word by word, against what the run
  // became.
  if (traced.kept < FOLLOW_KEPT * folded.length) traced = traceLocally(oldText, newText, diff, from, to) ?? traced;
  // A passage the diff deleted here may have moved, edited, into text it inserted elsewhere.
  if (traced.kept < FOLLOW_KEPT * folded.length && inPlace.kept === 0 && folded.length >= MIN_MOVED_LENGTH)
    traced = traceMoved(newText, diff, folded) ?? traced;
  if (traced.kept < FOLLOW_KEPT * folded.length) return { kind: "no-evidence" };
  let regionStart = traced.start;
  let regionEnd = traced.end;
  // Where the quote began or ended on a word boundary, so does the region.
  if (!isWordChar(oldText, from - 1) || !isWordChar(oldText, from))
    while (isWordChar(newText, regionStart - 1) && isWordChar(newText, regionStart)) regionStart--;
  if (!isWordChar(oldText, to - 1) || !isWordChar(oldText, to))
    while (isWordChar(newText, regionEnd - 1) && isWordChar(newText, regionEnd)) regionEnd++;
  while (regionStart < regionEnd && /\s/.test(newText[regionStart]) && !/\s/.test(folded[0])) regionStart++;
  while (regionEnd > regionStart && /\s/.test(newText[regionEnd - 1]) && !/\s/.test(folded[folded.length - 1]))
    regionEnd--;
  const region = newText.slice(regionStart, regionEnd);
  if (
    region.length === 0 ||
    region.length > Math.max(FOLLOW_MAX_GROWTH * folded.length, folded.length + FOLLOW_MAX_CLAUSE)
  )
    return { kind: "no-evidence" };
  if (countBreaks(region) > countBreaks(folded)) return { kind: "no-evidence" };
  // How much of the quote the region holds (a clause added inside takes nothing away).
  const ownErrors = editDistance(folded, region);
  const similarity =
    Math.min(traced.kept, folded.length - ownErrors + Math.max(0, region.length - folded.length)) / folded.length;
  if (similarity < FOLLOW_KEPT) return { kind: "no-evidence" };
  // Some of it verbatim: a sentence rewritten around a few of its words is another passage.
  if (longestCommonRun(folded, region) < FOLLOW_RUN * folded.length) return { kind: "no-evidence" };

  const prefix = foldString(quote.prefix);
  const suffix = foldString(quote.suffix);
  const before = prefixSimilarity(newText, regionStart, prefix);
  const after = suffixSimilarity(newText, regionEnd, suffix);
  const contextAgrees =
    (before === null && after === null) || (before ?? 0) >= FOLLOW_CONTEXT || (after ?? 0) >= FOLLOW_CONTEXT;
  if (!contextAgrees && !sameBlock) return { kind: "no-evidence" };

  // No look-alike: nothing elsewhere in the new text within QUOTE_FLOOR of the quote (unless
  // clearly farther from it and from its context than the region, below), and the region is not
  // a passage the old text had besides the quote.
  if (occursAwayFrom(oldText, region, from, to)) return { kind: "competing" };
  const rival = Math.min(QUOTE_FLOOR, similarity);
  const budget = Math.min(maxQuoteErrors(folded.length), Math.floor(folded.length * (1 - rival) + 1e-9));
  const region_ = [{ start: regionStart, end: regionEnd }];
  // A look-alike competes when it is about as close to the quote as the region is (fewer than
  // FOLLOW_RIVAL_MARGIN more edits), or its surroundings resemble the stored context at least as
  // much as the region's do. Only one clearly farther on both counts is no rival.
  const contextOf = (start: number, end: number) =>
    Math.max(prefixSimilarity(newText, start, prefix) ?? 0, suffixSimilarity(newText, end, suffix) ?? 0);
  const regionContext = Math.max(before ?? 0, after ?? 0);
  const rivals = createFuzzySearch(newText, folded, region_);
  for (let round = rivals.next(budget); round.length > 0; round = rivals.next(budget)) {
    if (
      round.some(
        (rival) => rival.errors < ownErrors + FOLLOW_RIVAL_MARGIN || contextOf(rival.start, rival.end) >= regionContext,
      )
    )
      return { kind: "competing" };
  }
  // Nor a copy of the region itself (the same sentence reworded in two places).
  // Its middle (its ends may be recased or repunctuated there) found verbatim elsewhere is enough.
  if (region !== folded) {
    const trim = Math.floor(region.length * COPY_TRIM);
    const core = region.slice(trim, region.length - trim);
    for (let at = newText.indexOf(core); at !== -1; at = newText.indexOf(core, at + 1)) {
      if (at + core.length <= regionStart || at >= regionEnd) return { kind: "competing" };
    }
  }

  return { kind: "followed", start: newFolded.startOf(regionStart), end: newFolded.endOf(regionEnd), similarity };
}

/** The longest rewritten run searched again (characters of new text). */
const MAX_LOCAL_SPAN = 20_000;

// The quote's best approximate match inside the new text its paragraph's runs became (at most
// MAX_LOCAL_SPAN characters, kept ≥ FOLLOW_KEPT): where the whole-text diff aligned its words with
// other words of the rewritten sentence.
function traceLocally(oldText: string, newText: string, diff: DiffMap, from: number, to: number) {
  const lineStart = oldText.lastIndexOf("\n", from - 1) + 1;
  const lineEnd = oldText.indexOf("\n", to) === -1 ? oldText.length : oldText.indexOf("\n", to);
  const span = diff.spanOf(lineStart, lineEnd);
  if (span.end - span.start > MAX_LOCAL_SPAN || span.end <= span.start) return null;
  const quote = oldText.slice(from, to);
  const matches = approxSearch(
    newText.slice(span.start, span.end),
    quote,
    Math.floor(quote.length * (1 - FOLLOW_KEPT)),
  );
  if (matches.length === 0) return null;
  const fewest = Math.min(...matches.map((match) => match.errors));
  const best = matches.filter((match) => match.errors === fewest);
  // Variants of one place differ only at their ends; two places are no evidence.
  if (best.some((match) => match.start >= best[0].end || match.end <= best[0].start)) return null;
  const start = Math.min(...best.map((match) => match.start));
  const end = Math.max(...best.map((match) => match.end));
  return { start: span.start + start, end: span.start + end, kept: quote.length - fewest };
}

/** The share of a reworded region left out at each end when looking for copies of it. */
const COPY_TRIM = 0.1;
/** Shorter quotes are not followed into another paragraph (short phrases recur). */
const MIN_MOVED_LENGTH = 30;
/** The share of the match that must be text the diff inserted. */
const MOVED_INSERTED_SHARE = 0.8;

// The quote's best approximate match in the whole new text, when it lies in text the diff
// inserted and no other place matches as well.
function traceMoved(newText: string, diff: DiffMap, quote: string) {
  const matches = approxSearch(newText, quote, Math.floor(quote.length * (1 - FOLLOW_KEPT)));
  if (matches.length === 0) return null;
  const fewest = Math.min(...matches.map((match) => match.errors));
  const best = matches.filter((match) => match.errors === fewest);
  if (best.some((match) => match.start >= best[0].end || match.end <= best[0].start)) return null;
  const start = Math.min(...best.map((match) => match.start));
  const end = Math.max(...best.map((match) => match.end));
  if (diff.insertedShare(start, end) < MOVED_INSERTED_SHARE) return null;
  return { start, end, kept: quote.length - fewest };
}

// The longest stretch the two strings share (dynamic programming, one row at a time).
function longestCommonRun(a: string, b: string): number {
  if (b.includes(a)) return a.length;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  let longest = 0;
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const run = code === b.charCodeAt(j - 1) ? Math.min(0xffff, previous[j - 1] + 1) : 0;
      current[j] = run;
      if (run > longest) longest = run;
    }
    [previous, current] = [current, previous];
  }
  return longest;
}

const countBreaks = (text: string) => {
  let breaks = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) breaks++;
  return breaks;
};

// Edits to turn `quote` into `region`: the best approximate match of the quote inside the region,
// plus the region's characters outside that match (an upper bound of the edit distance).
function editDistance(quote: string, region: string): number {
  if (quote === region) return 0;
  const matches = approxSearch(region, quote, quote.length);
  if (matches.length === 0) return Math.max(quote.length, region.length);
  let best = Infinity;
  for (const match of matches) best = Math.min(best, match.errors + region.length - (match.end - match.start));
  return best;
}

function occursAwayFrom(text: string, passage: string, start: number, end: number): boolean {
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) {
    if (at + passage.length <= start || at >= end) return true;
  }
  return false;
}
