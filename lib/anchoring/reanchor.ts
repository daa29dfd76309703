import { createCodePointIndex } from "./code-points";
import { blockIdAt } from "./describe-anchor";
import { describeQuoteUtf16 } from "./describe-text-quote";
import { createDiffMap, type DiffOptions } from "./diff-map";
import { findExactOccurrences } from "./find-exact-occurrences";
import { createResolver, type ResolveOptions } from "./resolve-anchor";
import type { AnchorBlock, AnchorInput, OrphanReason, ResolveMethod, TextPosition, TextQuote } from "./types";

export type ReanchorMethod = "diff" | ResolveMethod;

/** A passage whose characters the diff kept at least this much was edited in place, not moved. */
const STAYED_FRACTION = 0.5;

export type ReanchoredAnchor =
  | {
      state: "anchored";
      start: number;
      end: number;
      /** The selector re-described on the new text (its context extended until unique there). */
      quote: TextQuote;
      blockId?: string;
      method: ReanchorMethod;
      /** "kept" when the position is unchanged, "moved" when the passage shifted. */
      change: "kept" | "moved";
      score: number;
    }
  | { state: "orphaned"; reason: OrphanReason };

export type ReanchorResult = {
  anchors: ReanchoredAnchor[];
  summary: { kept: number; moved: number; orphaned: number };
};

export type ReanchorOptions = DiffOptions & {
  /** The new revision's blocks, to record the block each anchor now starts in. */
  newBlocks?: readonly AnchorBlock[];
};

/**
 * Moves anchors made on `oldText` to `newText` (the pure core of reanchorAnnotations): one diff
 * maps every anchor whose passage the edit left untouched, checked against its quote; the others
 * are found again by quote and context (resolveAnchor's rules), or orphaned.
 */
export function reanchor(
  oldText: string,
  newText: string,
  anchors: readonly AnchorInput[],
  options: ReanchorOptions = {},
): ReanchorResult {
  const oldIndex = createCodePointIndex(oldText);
  const resolver = createResolver(newText);
  const newIndex = resolver.index;
  const diff = createDiffMap(oldText, newText, options);

  const results: (ReanchoredAnchor | null)[] = [];
  const fallback: { at: number; anchor: AnchorInput; options: ResolveOptions }[] = [];

  anchors.forEach((anchor, at) => {
    const { exact } = anchor.quote;
    const old = anchor.position;
    const oldStart = old ? oldIndex.toUtf16(old.start) : -1;
    const isCurrent = old !== undefined && exact.length > 0 && oldText.startsWith(exact, oldStart);
    if (!isCurrent) {
      // A stale position (or none) says nothing about the new text: search by quote only.
      results.push(null);
      fallback.push({ at, anchor: { quote: anchor.quote }, options: {} });
      return;
    }
    const mapped = diff.mapRange(oldStart, oldStart + exact.length);
    if (mapped.clean && newText.startsWith(exact, mapped.start)) {
      results.push(place(mapped.start, mapped.end, "diff", 1, old));
      return;
    }
    results.push(null);
    const hint = mapped.clean ? mapped.start : mapped.hint;
    const hintStart = newIndex.toCodePoint(hint);
    const hintEnd = Math.min(newIndex.length, hintStart + Math.max(1, old.end - old.start));
    fallback.push({
      at,
      anchor: { quote: anchor.quote, position: { start: hintStart, end: hintEnd } },
      options: {
        positionIsAligned: true,
        stayedAtPosition: !mapped.clean && mapped.unchanged >= STAYED_FRACTION,
        // An approximate match the old text already had, away from the quote, is a look-alike
        // that was there all along, not the quote edited.
        existedElsewhere: (passage) => occursAwayFrom(oldText, passage, oldStart, oldStart + exact.length),
      },
    });
  });

  function place(start: number, end: number, method: ReanchorMethod, score: number, old?: TextPosition): ReanchoredAnchor {
    const startPoint = newIndex.toCodePoint(start);
    const endPoint = newIndex.toCodePoint(end);
    const placed: ReanchoredAnchor = {
      state: "anchored",
      start: startPoint,
      end: endPoint,
      quote: describeQuoteUtf16(newText, start, end),
      method,
      change: old && startPoint === old.start && endPoint === old.end ? "kept" : "moved",
      score,
    };
    const blockId = options.newBlocks ? blockIdAt(options.newBlocks, startPoint) : undefined;
    return blockId === undefined ? placed : { ...placed, blockId };
  }

  // A quote that recurred in the old text proves nothing by itself: only its context counts.
  const oldOccurrences = findExactOccurrences(oldText, fallback.map(({ anchor }) => anchor.quote.exact));
  const resolved = resolver.resolveAll(
    fallback.map(({ anchor }) => anchor),
    (index) => {
      const { anchor, options } = fallback[index];
      return { ...options, recurred: (oldOccurrences.get(anchor.quote.exact)?.length ?? 0) > 1 };
    },
  );
  fallback.forEach(({ at }, index) => {
    const result = resolved[index];
    results[at] =
      result.state === "orphaned"
        ? result
        : place(newIndex.toUtf16(result.start), newIndex.toUtf16(result.end), result.method, result.score, anchors[at].position);
  });

  const placed = results as ReanchoredAnchor[];
  const summary = { kept: 0, moved: 0, orphaned: 0 };
  for (const result of placed) summary[result.state === "orphaned" ? "orphaned" : result.change]++;
  return { anchors: placed, summary };
}

function occursAwayFrom(text: string, passage: string, start: number, end: number): boolean {
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) {
    if (at + passage.length <= start || at >= end) return true;
  }
  return false;
}
