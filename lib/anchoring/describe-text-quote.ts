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
  if (unique?.within(prefixStart, suffixEnd) || occursOnce(text, text.slice(prefixStart, suffixEnd), prefixStart)) {
    return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
  }

  for (let other = text.indexOf(exact); other !== -1; other = text.indexOf(exact, other + 1)) {
    if (other === start) continue;
    const sameBefore = commonRunBefore(text, start, other);
    const sameAfter = commonRunAfter(text, end, other + exact.length);
    // Distinguished once the context reaches the first character that differs on either side.
    if (start - prefixStart > sameBefore || suffixEnd - end > sameAfter) continue;
    const canUsePrefix = start > sameBefore;
    const canUseSuffix = text.length - end > sameAfter;
    const prefixCost = canUsePrefix ? sameBefore + 1 - (start - prefixStart) : Infinity;
    const suffixCost = canUseSuffix ? sameAfter + 1 - (suffixEnd - end) : Infinity;
    if (prefixCost === Infinity && suffixCost === Infinity) continue;
    if (prefixCost <= suffixCost) prefixStart = start - sameBefore - 1;
    else suffixEnd = end + sameAfter + 1;
  }

  prefixStart = snapBack(text, prefixStart);
  suffixEnd = snapForward(text, suffixEnd);
  return { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

/** Which stretches of a text occur in it only once (see createUniqueStretches). */
export type UniqueStretches = {
  /** True when text[start, end) certainly occurs once in the text (false: not known). */
  within(start: number, end: number): boolean;
};

/** The length of the stretches checked for uniqueness. */
const STRETCH = 32;

/**
 * Marks every STRETCH-character stretch of `text` that occurs in it exactly once: a passage that
 * contains one occurs once too, so describing 10,000 quotes of one text needs no search of the
 * whole text for each (a passage whose stretches all recur is still searched: the answer is
 * the same, only found faster).
 */
export function createUniqueStretches(text: string): UniqueStretches {
  const count = Math.max(0, text.length - STRETCH + 1);
  const seen = new Map<string, number>();
  for (let at = 0; at < count; at++) {
    const stretch = text.slice(at, at + STRETCH);
    seen.set(stretch, (seen.get(stretch) ?? 0) + 1);
  }
  // uniqueBefore[i]: how many of the stretches starting before i occur once.
  const uniqueBefore = new Uint32Array(count + 1);
  for (let at = 0; at < count; at++)
    uniqueBefore[at + 1] = uniqueBefore[at] + (seen.get(text.slice(at, at + STRETCH)) === 1 ? 1 : 0);
  return {
    within(start, end) {
      const last = end - STRETCH; // the last stretch inside [start, end) starts here
      if (start < 0 || last < start || last >= count) return false;
      return uniqueBefore[last + 1] - uniqueBefore[start] > 0;
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
