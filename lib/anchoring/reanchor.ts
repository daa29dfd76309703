import { createCodePointIndex } from "./code-points";
import { blockIdAt } from "./describe-anchor";
import { createUniqueStretches, describeQuoteUtf16 } from "./describe-text-quote";
import { createDiffMap, type DiffOptions } from "./diff-map";
import { findExactOccurrences } from "./find-exact-occurrences";
import { foldTypography } from "./fold-typography";
import { followEdit } from "./follow-edit";
import { createResolver, type ResolveOptions } from "./resolve-anchor";
import type { AnchorBlock, AnchorInput, OrphanReason, ResolveMethod, TextPosition, TextQuote } from "./types";

/** "edited": the passage was edited and followed through the diff (follow-edit.ts). */
export type ReanchorMethod = "diff" | "edited" | ResolveMethod;

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
  // The diff compares typographically folded texts: a curly quote or a dash is no edit.
  const oldFolded = foldTypography(oldText);
  const newFolded = foldTypography(newText);
  const diff = createDiffMap(oldFolded.text, newFolded.text, options);
  const follow = { oldFolded, newFolded, diff };
  // Built on first use: most anchors' context is unique by a stretch of it (describeQuoteUtf16).
  let unique: ReturnType<typeof createUniqueStretches> | undefined;

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
    const oldEnd = oldStart + exact.length;
    const mapped = diff.mapRange(oldFolded.toFolded(oldStart), oldFolded.toFolded(oldEnd));
    if (mapped.clean) {
      const start = newFolded.startOf(mapped.start);
      if (newText.startsWith(exact, start)) {
        results.push(place(start, start + exact.length, "diff", 1, old));
        return;
      }
      // Kept by the diff but for typography (a curly quote, a dash, a space): the same passage.
      results.push(place(start, newFolded.endOf(mapped.end), "edited", 1, old));
      return;
    }
    // Edited (the quote is nowhere in the new text as it was): followed when the diff and the
    // context say where it went, orphaned when a look-alike competes; else found by quote.
    if (!newText.includes(exact)) {
      const sameBlock =
        anchor.blockId !== undefined && options.newBlocks !== undefined && anchor.blockId === newBlockIdAt(mapped.hint);
      const decision = followEdit(follow, anchor.quote, oldStart, oldEnd, sameBlock);
      if (decision.kind === "followed") {
        results.push(place(decision.start, decision.end, "edited", decision.similarity, old));
        return;
      }
      if (decision.kind === "competing") {
        results.push({ state: "orphaned", reason: "ambiguous" });
        return;
      }
    }
    results.push(null);
    const hint = newFolded.startOf(mapped.hint);
    const hintStart = newIndex.toCodePoint(hint);
    const hintEnd = Math.min(newIndex.length, hintStart + Math.max(1, old.end - old.start));
    fallback.push({
      at,
      anchor: { quote: anchor.quote, position: { start: hintStart, end: hintEnd } },
      options: {
        positionIsAligned: true,
        stayedAtPosition: mapped.unchanged >= STAYED_FRACTION,
        // An approximate match the old text already had, away from the quote, is a look-alike
        // that was there all along, not the quote edited.
        existedElsewhere: (passage) => occursAwayFrom(oldText, passage, oldStart, oldStart + exact.length),
      },
    });
  });

  function newBlockIdAt(foldedOffset: number): string | undefined {
    return options.newBlocks
      ? blockIdAt(options.newBlocks, newIndex.toCodePoint(newFolded.startOf(foldedOffset)))
      : undefined;
  }

  function place(
    start: number,
    end: number,
    method: ReanchorMethod,
    score: number,
    old?: TextPosition,
  ): ReanchoredAnchor {
    const startPoint = newIndex.toCodePoint(start);
    const endPoint = newIndex.toCodePoint(end);
    const placed: ReanchoredAnchor = {
      state: "anchored",
      start: startPoint,
      end: endPoint,
      quote: describeQuoteUtf16(newText, start, end, (unique ??= createUniqueStretches(newText))),
      method,
      change: old && startPoint === old.start && endPoint === old.end ? "kept" : "moved",
      score,
    };
    const blockId = options.newBlocks ? blockIdAt(options.newBlocks, startPoint) : undefined;
    return blockId === undefined ? placed : { ...placed, blockId };
  }

  // A quote that recurred in the old text proves nothing by itself: only its context counts.
  const oldOccurrences = findExactOccurrences(
    oldText,
    fallback.map(({ anchor }) => anchor.quote.exact),
  );
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
        : place(
            newIndex.toUtf16(result.start),
            newIndex.toUtf16(result.end),
            result.method,
            result.score,
            anchors[at].position,
          );
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
