import { type CodePointIndex, createCodePointIndex } from "./code-points";
import { findAll, findExactOccurrences } from "./find-exact-occurrences";
import { rankCandidates } from "./rank-candidates";
import type { AnchorInput, ResolveResult, TextPosition } from "./types";

export type ResolveOptions = {
  /** Whether the quote occurred more than once in the text the anchor was made on, when known
   * (reanchor knows): a quote unique there and here counts for more on its own. */
  recurred?: boolean;
  /** The position is where a diff of the two revisions put the old passage (reanchor). */
  positionIsAligned?: boolean;
  /** The diff kept most of the passage at that position: it was edited in place, so it is
   * placed there or orphaned, never moved to a look-alike elsewhere. */
  stayedAtPosition?: boolean;
  /** Whether a passage occurred in the text the anchor was made on, away from the quote
   * (reanchor knows): an approximate match that was already there is a look-alike, never the
   * quote edited. */
  existedElsewhere?: (passage: string) => boolean;
};

/** Resolves many anchors against one text, sharing the text's code point table and one scan. */
export type Resolver = {
  readonly text: string;
  readonly index: CodePointIndex;
  resolve(anchor: AnchorInput, options?: ResolveOptions): ResolveResult;
  resolveAll(anchors: readonly AnchorInput[], optionsFor?: (index: number) => ResolveOptions): ResolveResult[];
};

/**
 * Where an anchor lands in `text`: at its stored position when the quote and its context are
 * there unchanged; otherwise at the exact occurrence or approximate match that the quote and
 * context single out (rankCandidates) — or nowhere ("orphaned"), never on a doubtful passage.
 */
export function resolveAnchor(text: string, anchor: AnchorInput, options?: ResolveOptions): ResolveResult {
  return createResolver(text).resolve(anchor, options);
}

export function createResolver(text: string): Resolver {
  const index = createCodePointIndex(text);

  const hintOf = (position: TextPosition | undefined): number | undefined => {
    if (!position || !isValidPosition(position, index.length)) return undefined;
    return index.toUtf16(position.start);
  };

  // The fast path: the quote and both sides of its context are still exactly where they were.
  const atPosition = (anchor: AnchorInput): ResolveResult | null => {
    const { exact, prefix, suffix } = anchor.quote;
    const start = hintOf(anchor.position);
    if (start === undefined || !text.startsWith(exact, start)) return null;
    if (start < prefix.length || !text.startsWith(prefix, start - prefix.length)) return null;
    if (!text.startsWith(suffix, start + exact.length)) return null;
    return anchored(start, start + exact.length, 1, "position");
  };

  const anchored = (
    start: number,
    end: number,
    score: number,
    method: "position" | "exact" | "fuzzy",
  ): ResolveResult => ({
    state: "anchored",
    start: index.toCodePoint(start),
    end: endCodePoint(text, index, end),
    score,
    method,
  });

  const decide = (anchor: AnchorInput, occurrences: readonly number[], options?: ResolveOptions): ResolveResult => {
    if (anchor.quote.exact.length === 0) return { state: "orphaned", reason: "empty-quote" };
    const hint = hintOf(anchor.position);
    const decision = rankCandidates(text, anchor.quote, occurrences, {
      hint,
      recurred: options?.recurred,
      hintIsAligned: options?.positionIsAligned,
      stayedAtHint: options?.stayedAtPosition,
      existedElsewhere: options?.existedElsewhere,
    });
    if (!decision.accepted) return { state: "orphaned", reason: decision.reason };
    const { best } = decision;
    const method = best.errors > 0 ? "fuzzy" : best.start === hint ? "position" : "exact";
    return anchored(best.start, best.end, best.score, method);
  };

  return {
    text,
    index,
    resolve(anchor, options) {
      if (anchor.quote.exact.length === 0) return { state: "orphaned", reason: "empty-quote" };
      return atPosition(anchor) ?? decide(anchor, findAll(text, anchor.quote.exact), options);
    },
    resolveAll(anchors, optionsFor) {
      const results: (ResolveResult | null)[] = anchors.map((anchor) =>
        anchor.quote.exact ? atPosition(anchor) : null,
      );
      const missed = anchors.filter((anchor, at) => results[at] === null && anchor.quote.exact.length > 0);
      const occurrences = findExactOccurrences(
        text,
        missed.map((anchor) => anchor.quote.exact),
      );
      return anchors.map(
        (anchor, at) => results[at] ?? decide(anchor, occurrences.get(anchor.quote.exact) ?? [], optionsFor?.(at)),
      );
    },
  };
}

function isValidPosition(position: TextPosition, length: number): boolean {
  const { start, end } = position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= length;
}

// An end inside a surrogate pair (an approximate match can cut one) takes the whole character.
function endCodePoint(text: string, index: CodePointIndex, end: number): number {
  const point = index.toCodePoint(end);
  return index.toUtf16(point) < end ? point + 1 : point;
}
