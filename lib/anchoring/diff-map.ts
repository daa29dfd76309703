import DiffMatchPatch from "diff-match-patch";

// The word diff between two revisions of an article's text, computed once, as a lookup from
// old UTF-16 offsets to new ones. A range maps "cleanly" only when it lies inside text the
// diff kept unchanged; anything else gets a hint (where the old range's start went) and must be
// found again by quote.

export type MappedRange =
  | { clean: true; start: number; end: number }
  /** `unchanged`: the fraction of the range's characters the diff kept (0 when all were edited). */
  | { clean: false; hint: number; unchanged: number };

/** Where an edited range went: the new range between where its ends went (an end inside a
 * replaced run maps proportionally into its replacement, to the whole replacement when the
 * range covers that end of the run), and how many of its characters the diff kept. */
export type TracedRange = { start: number; end: number; kept: number };

export type DiffMap = {
  mapRange(start: number, end: number): MappedRange;
  traceRange(start: number, end: number): TracedRange;
  /** The share of new [start, end) that the diff inserted (text the old revision did not have there). */
  insertedShare(start: number, end: number): number;
  /** The new text that the runs overlapping old [start, end) became (kept and changed). */
  spanOf(start: number, end: number): { start: number; end: number };
  /** How many equal / changed segments the diff has (for diagnostics). */
  readonly segments: number;
};

export type DiffOptions = {
  /** Seconds diff-match-patch may spend before settling for a coarser (still valid) diff. */
  timeoutSeconds?: number;
};

const DELETE = -1;
const EQUAL = 0;
const INSERT = 1;
// A safety net only: the size limit below keeps diffs far under it, so results do not depend
// on the machine's speed.
const DEFAULT_TIMEOUT_SECONDS = 2;
// Replaced runs larger than this (deleted × inserted characters, about 3,000 × 3,000) are a
// rewrite: diffing them word by word would cost O(n·d) for alignments that mean little, so they
// stay one replacement and their anchors are found again by quote.
const MAX_REFINED_AREA = 1e7;
// Words, white space runs and single other characters: the units an edit changes.
const WORD = /[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu;
const LINE = /[^\n]*\n|[^\n]+/g;
const MAX_TOKENS = 0xffff;

/**
 * Diffs `oldText` against `newText` by blocks, then word by word inside changed blocks (far
 * faster than by character on long texts, and an edited word never half-matches), then applies
 * semantic cleanup so short coincidental equalities inside rewritten passages do not count as
 * unchanged text.
 */
export function createDiffMap(oldText: string, newText: string, options: DiffOptions = {}): DiffMap {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const diffs = diffBlocksThenWords(dmp, oldText, newText);
  dmp.diff_cleanupSemantic(diffs);

  // Segments that cover old text (equal or deleted), in old-text order.
  const oldStarts: number[] = [];
  const newStarts: number[] = [];
  const lengths: number[] = [];
  const isEqual: boolean[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [operation, segment] of diffs) {
    if (operation === INSERT) {
      newAt += segment.length;
      continue;
    }
    oldStarts.push(oldAt);
    newStarts.push(newAt);
    lengths.push(segment.length);
    isEqual.push(operation === EQUAL);
    oldAt += segment.length;
    if (operation === EQUAL) newAt += segment.length;
  }

  // The diff as alternating runs: kept text, and changed text (old [oldStart, oldEnd) replaced by
  // new [newStart, newEnd); a pure insertion has oldStart = oldEnd).
  const runs: { oldStart: number; oldEnd: number; newStart: number; newEnd: number; equal: boolean }[] = [];
  {
    let oldOffset = 0;
    let newOffset = 0;
    for (const [operation, segment] of diffs) {
      const last = runs[runs.length - 1];
      const equal = operation === EQUAL;
      const run =
        last && !last.equal && !equal
          ? last
          : { oldStart: oldOffset, oldEnd: oldOffset, newStart: newOffset, newEnd: newOffset, equal };
      if (run !== last) runs.push(run);
      if (operation !== INSERT) oldOffset += segment.length;
      if (operation !== DELETE) newOffset += segment.length;
      run.oldEnd = oldOffset;
      run.newEnd = newOffset;
    }
  }
  // The last run whose old start is before `offset` (strictly, or at it when `atStart`).
  const runAt = (offset: number, atStart: boolean): number => {
    let low = 0;
    let high = runs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (atStart ? runs[middle].oldStart <= offset : runs[middle].oldStart < offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const proportional = (run: (typeof runs)[number], offset: number) =>
    run.newStart +
    Math.round(((offset - run.oldStart) / Math.max(1, run.oldEnd - run.oldStart)) * (run.newEnd - run.newStart));

  const segmentAt = (offset: number): number => {
    let low = 0;
    let high = oldStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (oldStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  return {
    segments: diffs.length,
    insertedShare(start, end) {
      if (end <= start) return 0;
      let low = 0;
      let high = runs.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (runs[middle].newStart <= start) low = middle;
        else high = middle - 1;
      }
      let inserted = 0;
      for (let at = low; at < runs.length && runs[at].newStart < end; at++) {
        if (!runs[at].equal)
          inserted += Math.max(0, Math.min(end, runs[at].newEnd) - Math.max(start, runs[at].newStart));
      }
      return inserted / (end - start);
    },
    spanOf(start, end) {
      if (runs.length === 0) return { start: 0, end: 0 };
      return { start: runs[runAt(start, true)].newStart, end: runs[runAt(end, false)].newEnd };
    },
    traceRange(start, end) {
      if (runs.length === 0) return { start: 0, end: 0, kept: 0 };
      const first = runs[runAt(start, true)];
      const last = runs[runAt(end, false)];
      const newStart =
        first.equal || start === first.oldStart
          ? first.newStart + (first.equal ? start - first.oldStart : 0)
          : proportional(first, start);
      const newEnd = last.equal
        ? last.newStart + (end - last.oldStart)
        : end >= last.oldEnd
          ? last.newEnd
          : proportional(last, end);
      let kept = 0;
      for (let at = runAt(start, true); at < runs.length && runs[at].oldStart < end; at++) {
        const run = runs[at];
        if (run.equal) kept += Math.max(0, Math.min(end, run.oldEnd) - Math.max(start, run.oldStart));
      }
      return { start: newStart, end: Math.max(newStart, newEnd), kept };
    },
    mapRange(start, end) {
      if (oldStarts.length === 0) return { clean: false, hint: 0, unchanged: 0 };
      const at = segmentAt(start);
      const offset = start - oldStarts[at];
      if (isEqual[at] && end <= oldStarts[at] + lengths[at]) {
        return { clean: true, start: newStarts[at] + offset, end: newStarts[at] + offset + (end - start) };
      }
      let kept = 0;
      for (let segment = at; segment < oldStarts.length && oldStarts[segment] < end; segment++) {
        if (isEqual[segment])
          kept += Math.min(end, oldStarts[segment] + lengths[segment]) - Math.max(start, oldStarts[segment]);
      }
      const hint = isEqual[at] ? newStarts[at] + offset : newStarts[at];
      return { clean: false, hint, unchanged: end > start ? kept / (end - start) : 0 };
    },
  };
}

// Blocks (lines) first, which is fast and keeps every untouched paragraph; then the replaced
// runs word by word, unless they are a wholesale rewrite.
function diffBlocksThenWords(dmp: DiffMatchPatch, oldText: string, newText: string): DiffMatchPatch.Diff[] {
  const deadline = dmp.Diff_Timeout > 0 ? Date.now() + dmp.Diff_Timeout * 1000 : Number.MAX_VALUE;
  const diffs: DiffMatchPatch.Diff[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted && deleted.length * inserted.length <= MAX_REFINED_AREA) {
      diffs.push(...diffTokens(dmp, deleted, inserted, WORD, deadline));
    } else {
      if (deleted) diffs.push([DELETE, deleted]);
      if (inserted) diffs.push([INSERT, inserted]);
    }
    deleted = "";
    inserted = "";
  };
  for (const diff of diffTokens(dmp, oldText, newText, LINE, deadline)) {
    if (diff[0] === DELETE) deleted += diff[1];
    else if (diff[0] === INSERT) inserted += diff[1];
    else {
      flush();
      diffs.push(diff);
    }
  }
  flush();
  return diffs;
}

// diff-match-patch diffs strings: each distinct token becomes one UTF-16 unit, as its line mode
// does, and the diff is decoded back to text.
function diffTokens(dmp: DiffMatchPatch, oldText: string, newText: string, pattern: RegExp, deadline: number) {
  const tokens: string[] = [""];
  const ids = new Map<string, number>();
  const encode = (text: string): string | null => {
    let encoded = "";
    for (const [token] of text.matchAll(pattern)) {
      let id = ids.get(token);
      if (id === undefined) {
        if (tokens.length > MAX_TOKENS) return null;
        id = tokens.length;
        tokens.push(token);
        ids.set(token, id);
      }
      encoded += String.fromCharCode(id);
    }
    return encoded;
  };
  const oldCodes = encode(oldText);
  const newCodes = oldCodes === null ? null : encode(newText);
  if (oldCodes === null || newCodes === null) return dmp.diff_main(oldText, newText, false, deadline);
  const diffs = dmp.diff_main(oldCodes, newCodes, false, deadline);
  dmp.diff_charsToLines_(diffs, tokens);
  return diffs;
}
