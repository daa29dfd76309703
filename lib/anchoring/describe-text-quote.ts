import { backCodePoints, type CodePointIndex, createCodePointIndex, forwardCodePoints } from "./code-points";
import type { TextQuote } from "./types";

/** Context kept on each side of a quote at least (code points), as Hypothesis stores. */
export const MIN_CONTEXT = 32;

/**
 * The TextQuoteSelector for text[start, end) (code points): the quote, and at least 32 code
 * points of context on each side (fewer only at the text's edges), extended until
 * prefix + exact + suffix occurs exactly once in the text, as Apache Annotator's
 * describeTextQuote does.
 */
export function describeTextQuote(text: string, start: number, end: number, index?: CodePointIndex): TextQuote {
  const points = index ?? createCodePointIndex(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > points.length || end <= start) {
    throw new RangeError(`invalid quote range [${start}, ${end}) for a text of ${points.length} code points`);
  }
  return describeQuoteUtf16(text, points.toUtf16(start), points.toUtf16(end));
}

/** describeTextQuote on UTF-16 offsets (both on code point boundaries). `unique` (from
 * createUniqueStretches on the same text) makes describing many quotes of one text fast. */
export function describeQuoteUtf16(text: string, start: number, end: number, unique?: UniqueStretches): TextQuote {
  const exact = text.slice(start, end);
  let prefixStart = backCodePoints(text, start, MIN_CONTEXT);
  let suffixEnd = forwardCodePoints(text, end, MIN_CONTEXT);
  if (unique?.within(prefixStart, suffixEnd)) {
    return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
  }
  // The other places whose minimal context (prefix + exact + suffix) reads the same: only they
  // can call for more context — every other occurrence of the quote already differs within it,
  // and the context only grows. With `unique`, found from the stretch index, not by scanning
  // the text for every occurrence of the quote (a short quote recurs hundreds of times).
  const before = start - prefixStart;
  const others = unique?.occurrences(prefixStart, suffixEnd);
  if (others) {
    if (others.length === 1) {
      return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
    }
  } else if (occursOnce(text, text.slice(prefixStart, suffixEnd), prefixStart)) {
    return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
  }

  const extend = (other: number) => {
    if (other === start) return;
    const sameBefore = commonRunBefore(text, start, other);
    const sameAfter = commonRunAfter(text, end, other + exact.length);
    // Distinguished once the context reaches the first character that differs on either side.
    if (start - prefixStart > sameBefore || suffixEnd - end > sameAfter) return;
    const canUsePrefix = start > sameBefore;
    const canUseSuffix = text.length - end > sameAfter;
    const prefixCost = canUsePrefix ? sameBefore + 1 - (start - prefixStart) : Infinity;
    const suffixCost = canUseSuffix ? sameAfter + 1 - (suffixEnd - end) : Infinity;
    if (prefixCost === Infinity && suffixCost === Infinity) return;
    if (prefixCost <= suffixCost) prefixStart = start - sameBefore - 1;
    else suffixEnd = end + sameAfter + 1;
  };
  if (others) for (const other of others) extend(other + before);
  else for (let other = text.indexOf(exact); other !== -1; other = text.indexOf(exact, other + 1)) extend(other);

  prefixStart = snapBack(text, prefixStart);
  suffixEnd = snapForward(text, suffixEnd);
  return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

/** Which stretches of a text occur in it only once (see createUniqueStretches). */
export type UniqueStretches = {
  /** True when text[start, end) certainly occurs once in the text (false: not known). */
  within(start: number, end: number): boolean;
  /** Where text[start, end) occurs in the text, in order (its own place included); null when
   * it is shorter than a stretch. */
  occurrences(start: number, end: number): number[] | null;
};

/** The length of the stretches checked for uniqueness. */
const STRETCH = 32;
/** The hash's multiplier (odd; hashes are computed modulo 2^32). */
const BASE = 0x01000193;

/**
 * Indexes every STRETCH-character stretch of `text` by a rolling hash: a stretch whose hash no
 * other has occurs once, and a passage that contains one occurs once too, so describing 10,000
 * quotes of one text needs no search of the whole text for each; a passage whose stretches all
 * recur is found where its first stretch's hash recurs (each place checked), not by scanning the
 * text. Two stretches sharing a hash only cost a check: the answers are those of a search.
 */
export function createUniqueStretches(text: string): UniqueStretches {
  const count = Math.max(0, text.length - STRETCH + 1);
  // hashes[at]: the hash of text[at, at + STRETCH).
  const hashes = new Int32Array(count);
  let power = 1; // BASE^(STRETCH - 1)
  for (let i = 1; i < STRETCH; i++) power = Math.imul(power, BASE);
  let hash = 0;
  for (let i = 0; i < Math.min(STRETCH, text.length); i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  for (let at = 0; at < count; at++) {
    hashes[at] = hash;
    if (at + STRETCH < text.length)
      hash = (Math.imul((hash - Math.imul(text.charCodeAt(at), power)) | 0, BASE) + text.charCodeAt(at + STRETCH)) | 0;
  }
  // first.get(hash): the first stretch with that hash; next[at]: the next one after `at` (-1: none).
  const first = new Map<number, number>();
  const next = new Int32Array(count).fill(-1);
  const shared = new Uint8Array(count);
  for (let at = count - 1; at >= 0; at--) {
    const later = first.get(hashes[at]);
    if (later !== undefined) {
      next[at] = later;
      shared[at] = 1;
      shared[later] = 1;
    }
    first.set(hashes[at], at);
  }
  // uniqueBefore[i]: how many of the stretches starting before i have a hash of their own.
  const uniqueBefore = new Uint32Array(count + 1);
  for (let at = 0; at < count; at++) uniqueBefore[at + 1] = uniqueBefore[at] + (shared[at] ? 0 : 1);
  return {
    within(start, end) {
      const last = end - STRETCH; // the last stretch inside [start, end) starts here
      if (start < 0 || last < start || last >= count) return false;
      return uniqueBefore[last + 1] - uniqueBefore[start] > 0;
    },
    occurrences(start, end) {
      if (start < 0 || end - start < STRETCH || end > text.length) return null;
      const needle = text.slice(start, end);
      const found: number[] = [];
      for (let at = first.get(hashes[start])!; at !== -1; at = next[at])
        if (text.startsWith(needle, at)) found.push(at);
      return found;
    },
  };
}

const occursOnce = (text: string, needle: string, at: number) =>
  text.indexOf(needle) === at && text.indexOf(needle, at + 1) === -1;

// How many characters before `a` equal those before `b`; a run reaching the start of the text
// before `b` ends there (its context can differ from ours by ending).
function commonRunBefore(text: string, a: number, b: number): number {
  let run = 0;
  while (run < a && run < b && text.charCodeAt(a - 1 - run) === text.charCodeAt(b - 1 - run)) run++;
  return run;
}

function commonRunAfter(text: string, a: number, b: number): number {
  let run = 0;
  const length = text.length;
  while (a + run < length && b + run < length && text.charCodeAt(a + run) === text.charCodeAt(b + run)) run++;
  return run;
}

// Context never starts or ends inside a surrogate pair.
function snapBack(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff && isHigh(text.charCodeAt(index - 1)) ? index - 1 : index;
}

function snapForward(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff && isHigh(text.charCodeAt(index - 1)) ? index + 1 : index;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
