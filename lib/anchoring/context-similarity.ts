import { approxSearch } from "./approx-search";

// How much a candidate's surroundings agree with the stored prefix and suffix, from 0 to 1:
// 1 − (edits to find the context in the text next to the candidate) / context length. The text
// examined is a little longer than the context, so words inserted or deleted in it cost only
// their own length.

const SLACK_FRACTION = 0.25;

/** Similarity of `pattern` to its best-matching stretch of `window` (0 when none). */
export function editSimilarity(pattern: string, window: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  if (window.includes(pattern)) return 1;
  const matches = approxSearch(window, pattern, pattern.length);
  return matches.length === 0 ? 0 : 1 - matches[0].errors / pattern.length;
}

/** Agreement of the text before UTF-16 offset `at` with the stored `prefix`; null when empty. */
export function prefixSimilarity(text: string, at: number, prefix: string): number | null {
  if (prefix.length === 0) return null;
  if (at >= prefix.length && text.startsWith(prefix, at - prefix.length)) return 1;
  const reach = prefix.length + Math.ceil(prefix.length * SLACK_FRACTION);
  return editSimilarity(prefix, text.slice(Math.max(0, at - reach), at));
}

/** Agreement of the text after UTF-16 offset `at` with the stored `suffix`; null when empty. */
export function suffixSimilarity(text: string, at: number, suffix: string): number | null {
  if (suffix.length === 0) return null;
  if (text.startsWith(suffix, at)) return 1;
  const reach = suffix.length + Math.ceil(suffix.length * SLACK_FRACTION);
  return editSimilarity(suffix, text.slice(at, at + reach));
}

/** Characters right before `at` equal to the end of `prefix` (cheap, for ranking many). */
export function prefixRun(text: string, at: number, prefix: string): number {
  let run = 0;
  const limit = Math.min(at, prefix.length);
  while (run < limit && text.charCodeAt(at - 1 - run) === prefix.charCodeAt(prefix.length - 1 - run)) run++;
  return run;
}

/** Characters from `at` on equal to the start of `suffix` (cheap, for ranking many). */
export function suffixRun(text: string, at: number, suffix: string): number {
  let run = 0;
  const limit = Math.min(text.length - at, suffix.length);
  while (run < limit && text.charCodeAt(at + run) === suffix.charCodeAt(run)) run++;
  return run;
}
