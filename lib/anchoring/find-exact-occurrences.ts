// Every exact occurrence of many quotes in one text, in one pass over the text (Rabin–Karp
// with many patterns): anchoring 1,000 notes must not scan a long article 1,000 times.

const KEY_LENGTH = 8;
const BASE = 0x01000193;

/** All UTF-16 offsets where `needle` occurs in `text`, overlapping occurrences included. */
export function findAll(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * The occurrences of each needle in `text`, keyed by needle. Needles of at least 8 characters
 * are found together in one scan keyed by a rolling hash of their first 8; shorter ones (rare,
 * and often many occurrences) by indexOf each.
 */
export function findExactOccurrences(text: string, needles: Iterable<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const byKey = new Map<number, string[]>();
  for (const needle of needles) {
    if (found.has(needle)) continue;
    if (needle.length < KEY_LENGTH) {
      found.set(needle, findAll(text, needle));
      continue;
    }
    found.set(needle, []);
    const key = hashAt(needle, 0);
    const bucket = byKey.get(key);
    if (bucket) bucket.push(needle);
    else byKey.set(key, [needle]);
  }
  if (byKey.size === 0 || text.length < KEY_LENGTH) return found;

  // BASE^(KEY_LENGTH - 1), to drop the character leaving the window.
  let leadingPower = 1;
  for (let index = 1; index < KEY_LENGTH; index++) leadingPower = Math.imul(leadingPower, BASE);

  let hash = hashAt(text, 0);
  const last = text.length - KEY_LENGTH;
  for (let at = 0; ; at++) {
    const bucket = byKey.get(hash);
    if (bucket) {
      for (const needle of bucket) if (text.startsWith(needle, at)) found.get(needle)!.push(at);
    }
    if (at === last) break;
    hash =
      (Math.imul(hash - Math.imul(text.charCodeAt(at), leadingPower), BASE) + text.charCodeAt(at + KEY_LENGTH)) | 0;
  }
  return found;
}

function hashAt(text: string, from: number): number {
  let hash = 0;
  for (let index = from; index < from + KEY_LENGTH; index++)
    hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  return hash;
}
