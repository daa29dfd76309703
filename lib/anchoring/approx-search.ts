/**
 * Approximate string search: the lowest-error matches of `pattern` in `text` with at most
 * `maxErrors` edits — the same answer as approx-string-match's `search` (Myers' bit-parallel
 * algorithm, block-based, with Ukkonen's cut-off), computed the same way step for step, ~10%
 * faster (the pattern's bit vectors in one flat typed array, the block step inlined, a match's
 * start found by reading the text backwards in place instead of reversing copies of it) — and,
 * for the rounds of createFuzzySearch, without reading the whole text again each round
 * (createMaskedSearch). Re-anchoring 10,000 notes searches a 100,000-character article some 300
 * times: this is most of its time.
 *
 * approx-search.test.ts checks it returns exactly what approx-string-match returns, match for
 * match, on random and real inputs.
 */

export type ApproxMatch = { start: number; end: number; errors: number };

const W = 32;
const HIGH_BIT = 1 << 31;

/** The bit vectors of a pattern: `table[row * blocks + b]`, one row per character. */
type Peq = {
  table: Int32Array;
  blocks: number;
  /** Rows of the characters ≥ 256 that occur in the pattern (ASCII and Latin-1 rows are 0–255). */
  wide: Map<number, number>;
  /** The row of a character absent from the pattern (all zero). */
  empty: number;
};

function buildPeq(pattern: string, reversed: boolean): Peq {
  const m = pattern.length;
  const blocks = Math.ceil(m / W);
  const wide = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    if (code >= 256 && !wide.has(code)) wide.set(code, 256 + wide.size);
  }
  const empty = 256 + wide.size;
  const table = new Int32Array((empty + 1) * blocks);
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(reversed ? m - 1 - i : i);
    const row = code < 256 ? code : wide.get(code)!;
    table[row * blocks + ((i / W) | 0)] |= 1 << (i % W);
  }
  return { table, blocks, wide, empty };
}

/**
 * The ends (exclusive) and error counts of the lowest-error matches of the pattern in the
 * `length` characters of `text` read from `offset` with `step` (1 forwards; -1 backwards, the
 * text reversed), as approx-string-match's findMatchEnds reports them.
 */
function findMatchEnds(
  text: string,
  offset: number,
  length: number,
  step: number,
  m: number,
  peq: Peq,
  maxErrorsIn: number,
): { end: number; errors: number }[] {
  const matches: { end: number; errors: number }[] = [];
  if (m === 0) return matches;
  let maxErrors = Math.min(maxErrorsIn, m);
  const { table, blocks, wide, empty } = peq;
  const bMax = blocks - 1;
  const P = new Int32Array(blocks);
  const M = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  // The bit of the pattern's last row in the last block (every other block's is HIGH_BIT).
  const lastMask = 1 << ((m - 1) % W);
  const remainder = m % W;
  const lastBlockScore = remainder === 0 ? W : remainder;

  let y = Math.max(0, Math.ceil(maxErrors / W) - 1);
  for (let b = 0; b <= y; b++) score[b] = (b + 1) * W;
  score[bMax] = m;
  for (let b = 0; b <= y; b++) {
    P[b] = ~0;
    M[b] = 0;
  }

  if (bMax === 0) {
    // One block (patterns of up to 32 characters): y is always 0.
    let pV = P[0];
    let mV = M[0];
    let s = score[0];
    for (let j = 0; j < length; j++) {
      const code = step === 1 ? text.charCodeAt(offset + j) : text.charCodeAt(offset - j);
      const row = code < 256 ? code : (wide.get(code) ?? empty);
      const eq = table[row];
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const pBit = pH & lastMask;
      const mBit = mH & lastMask;
      s += (((pBit | -pBit) >> 31) & 1) - (((mBit | -mBit) >> 31) & 1);
      pH <<= 1;
      mH <<= 1;
      pV = mH | ~(xV | pH);
      mV = pH & xV;
      if (s <= maxErrors) {
        if (s < maxErrors) matches.length = 0;
        matches.push({ end: j + 1, errors: s });
        maxErrors = s;
      }
    }
    return matches;
  }

  for (let j = 0; j < length; j++) {
    const code = step === 1 ? text.charCodeAt(offset + j) : text.charCodeAt(offset - j);
    const base = (code < 256 ? code : (wide.get(code) ?? empty)) * blocks;

    let carry = 0;
    for (let b = 0; b <= y; b++) {
      // advanceBlock (Myers, Fig. 8; branch-free as in Šošić), inlined.
      const pV = P[b];
      const mV = M[b];
      const hInIsNegative = carry >>> 31;
      const eq = table[base + b] | hInIsNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const mask = b === bMax ? lastMask : HIGH_BIT;
      const pBit = pH & mask;
      const mBit = mH & mask;
      const hOut = (((pBit | -pBit) >> 31) & 1) - (((mBit | -mBit) >> 31) & 1);
      pH <<= 1;
      mH <<= 1;
      mH |= hInIsNegative;
      pH |= (((carry | -carry) >> 31) & 1) - hInIsNegative;
      P[b] = mH | ~(xV | pH);
      M[b] = pH & xV;
      carry = hOut;
      score[b] += carry;
    }

    if (score[y] - carry <= maxErrors && y < bMax && (table[base + y + 1] & 1 || carry < 0)) {
      y += 1;
      P[y] = ~0;
      M[y] = 0;
      const maxBlockScore = y === bMax ? lastBlockScore : W;
      // advanceBlock(y, carry), inlined.
      const pV = P[y];
      const mV = M[y];
      const hInIsNegative = carry >>> 31;
      const eq = table[base + y] | hInIsNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const mask = y === bMax ? lastMask : HIGH_BIT;
      const pBit = pH & mask;
      const mBit = mH & mask;
      const hOut = (((pBit | -pBit) >> 31) & 1) - (((mBit | -mBit) >> 31) & 1);
      pH <<= 1;
      mH <<= 1;
      mH |= hInIsNegative;
      pH |= (((carry | -carry) >> 31) & 1) - hInIsNegative;
      P[y] = mH | ~(xV | pH);
      M[y] = pH & xV;
      score[y] = score[y - 1] + maxBlockScore - carry + hOut;
    } else {
      while (y > 0 && score[y] >= maxErrors + W) y -= 1;
    }

    if (y === bMax && score[y] <= maxErrors) {
      if (score[y] < maxErrors) matches.length = 0;
      matches.push({ end: j + 1, errors: score[y] });
      maxErrors = score[y];
    }
  }
  return matches;
}

/**
 * Every end's error count: `out[offset + j + 1]` (for ends ≥ `writeFrom`) becomes the fewest edits
 * of a match of the pattern ending after the j-th character read — when that is ≤ `cap`, else
 * cap + 1 — for matches starting no earlier than `offset`. The same column computation as
 * findMatchEnds with a fixed cut-off `cap` (Ukkonen's cut-off is exact for every count ≤ cap).
 */
function scanEnds(
  text: string,
  offset: number,
  length: number,
  m: number,
  peq: Peq,
  cap: number,
  out: Uint16Array | Int32Array,
  writeFrom: number,
): void {
  const { table, blocks, wide, empty } = peq;
  const bMax = blocks - 1;
  const over = cap + 1;
  const P = new Int32Array(blocks);
  const M = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  const lastMask = 1 << ((m - 1) % W);
  const remainder = m % W;
  const lastBlockScore = remainder === 0 ? W : remainder;

  let y = Math.max(0, Math.ceil(cap / W) - 1);
  for (let b = 0; b <= y; b++) score[b] = (b + 1) * W;
  score[bMax] = m;
  for (let b = 0; b <= y; b++) {
    P[b] = ~0;
    M[b] = 0;
  }

  for (let j = 0; j < length; j++) {
    const code = text.charCodeAt(offset + j);
    const base = (code < 256 ? code : (wide.get(code) ?? empty)) * blocks;

    let carry = 0;
    for (let b = 0; b <= y; b++) {
      const pV = P[b];
      const mV = M[b];
      const hInIsNegative = carry >>> 31;
      const eq = table[base + b] | hInIsNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const mask = b === bMax ? lastMask : HIGH_BIT;
      const pBit = pH & mask;
      const mBit = mH & mask;
      const hOut = (((pBit | -pBit) >> 31) & 1) - (((mBit | -mBit) >> 31) & 1);
      pH <<= 1;
      mH <<= 1;
      mH |= hInIsNegative;
      pH |= (((carry | -carry) >> 31) & 1) - hInIsNegative;
      P[b] = mH | ~(xV | pH);
      M[b] = pH & xV;
      carry = hOut;
      score[b] += carry;
    }

    if (score[y] - carry <= cap && y < bMax && (table[base + y + 1] & 1 || carry < 0)) {
      y += 1;
      P[y] = ~0;
      M[y] = 0;
      const maxBlockScore = y === bMax ? lastBlockScore : W;
      const pV = P[y];
      const mV = M[y];
      const hInIsNegative = carry >>> 31;
      const eq = table[base + y] | hInIsNegative;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const mask = y === bMax ? lastMask : HIGH_BIT;
      const pBit = pH & mask;
      const mBit = mH & mask;
      const hOut = (((pBit | -pBit) >> 31) & 1) - (((mBit | -mBit) >> 31) & 1);
      pH <<= 1;
      mH <<= 1;
      mH |= hInIsNegative;
      pH |= (((carry | -carry) >> 31) & 1) - hInIsNegative;
      P[y] = mH | ~(xV | pH);
      M[y] = pH & xV;
      score[y] = score[y - 1] + maxBlockScore - carry + hOut;
    } else {
      while (y > 0 && score[y] >= cap + W) y -= 1;
    }

    const end = offset + j + 1;
    if (end >= writeFrom) out[end] = y === bMax && score[y] <= cap ? score[y] : over;
  }
}

/** A stretch of text (UTF-16 offsets). */
export type Span = { start: number; end: number };

/** The character that masks a found region: it equals no character of a quote. */
export const MASK = "\u0000";

/**
 * approxSearch in rounds on one text, each round's regions masked out for the next (the
 * runners-up), as `approxSearch(masked, pattern, k)` round after round would answer — reading as
 * little of the text as that answer allows. Each round first looks near the pattern's pieces
 * (findEndsNear: enough when the best match has at most 5%, then 10%, of the pattern's length in
 * errors). Otherwise the first such round reads the whole text as approxSearch does; a second
 * one reads it once more keeping every end's error count, and from then on masking a region can
 * only change the counts of ends within reach of it (a match with at most `cap` errors spans at
 * most pattern + cap characters), and only those are read again.
 */
export function createMaskedSearch(text: string, pattern: string) {
  const m = pattern.length;
  const n = text.length;
  let searched = text;
  let fullSearches = 0;
  let counts: Uint16Array | Int32Array | null = null;
  let cap = -1;
  let forward: Peq | null = null;
  let backward: Peq | null = null;

  const scan = (from: number, to: number, writeFrom: number) =>
    scanEnds(searched, from, to - from, m, (forward ??= buildPeq(pattern, false)), cap, counts!, writeFrom);
  const withStarts = (ends: readonly { end: number; errors: number }[]) => {
    backward ??= buildPeq(pattern, true);
    return ends.map(({ end, errors }) => ({ start: matchStart(searched, end, errors, m, backward!), end, errors }));
  };

  return {
    /** The text with every masked region replaced by MASK characters. */
    get text() {
      return searched;
    },
    /** approxSearch(this.text, pattern, maxErrors), the first `limit` matches. */
    best(maxErrors: number, limit = Infinity): ApproxMatch[] {
      if (m === 0 || n === 0) return [];
      const k = Math.min(maxErrors, m);
      if (k < 0) return [];
      forward ??= buildPeq(pattern, false);
      // Most quotes have a close look-alike or none: found near its pieces, the rest unread.
      for (const share of GUESSES) {
        const near = findEndsNear(indexOf(text), searched, pattern, k, Math.floor(m * share), forward);
        if (near) return withStarts(near.slice(0, limit));
      }
      if (fullSearches++ === 0 && counts === null)
        return withStarts(findMatchEnds(searched, 0, n, 1, m, forward, k).slice(0, limit));
      if (counts === null || k > cap) {
        cap = k;
        counts = cap < 0xffff ? new Uint16Array(n + 1) : new Int32Array(n + 1);
        scan(0, n, 1);
      }
      let fewest = k + 1;
      for (let end = 1; end <= n; end++) if (counts[end] < fewest) fewest = counts[end];
      if (fewest > k) return [];
      const ends: { end: number; errors: number }[] = [];
      for (let end = 1; end <= n && ends.length < limit; end++)
        if (counts[end] === fewest) ends.push({ end, errors: fewest });
      return withStarts(ends);
    },
    /** Masks `spans` (sorted, disjoint) and brings the error counts near them up to date. */
    mask(spans: readonly Span[]): void {
      searched = maskSpans(searched, spans);
      if (counts === null) return;
      const reach = m + cap;
      let from = -1;
      let to = -1;
      for (const span of spans) {
        const first = span.start + 1;
        const last = Math.min(n, span.end + reach);
        if (from !== -1 && first - reach <= to) {
          to = Math.max(to, last);
          continue;
        }
        if (from !== -1) scan(Math.max(0, from - reach), to, from);
        from = first;
        to = last;
      }
      if (from !== -1) scan(Math.max(0, from - reach), to, from);
    },
  };
}

/** `text` with each span replaced by MASK characters. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let masked = "";
  let from = 0;
  for (const span of spans) {
    masked += text.slice(from, span.start) + MASK.repeat(span.end - span.start);
    from = span.end;
  }
  return masked + text.slice(from);
}

// Where the match ending at `end` with `errors` edits starts: the reversed pattern searched in
// the text before the end, read backwards; of several starts, the one giving the longest match.
function matchStart(text: string, end: number, errors: number, m: number, backward: Peq): number {
  const minStart = Math.max(0, end - m - errors);
  const back = findMatchEnds(text, end - 1, end - minStart, -1, m, backward, errors);
  let start = end;
  for (const match of back) if (end - match.end < start) start = end - match.end;
  return start;
}

/**
 * The lowest-error approximate matches of `pattern` in `text` with at most `maxErrors` edits,
 * in order of their ends, each with its start (the one giving the longest match): exactly
 * approx-string-match's `search(text, pattern, maxErrors)`.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const ends = findMatchEnds(text, 0, text.length, 1, m, buildPeq(pattern, false), maxErrors);
  if (ends.length === 0) return [];
  const backward = buildPeq(pattern, true);
  return ends.map(({ end, errors }) => ({ start: matchStart(text, end, errors, m, backward), end, errors }));
}

/** The length of the grams a TextIndex finds pieces of a pattern by. */
const GRAM = 8;
const GRAM_BASE = 0x01000193;
/** Slots of a TextIndex's hash table (a power of two). */
const SLOTS = 1 << 17;

/** Where each GRAM-character stretch of a text occurs, to find a pattern's pieces fast. */
export type TextIndex = {
  readonly text: string;
  /** Every place where `piece` (≥ GRAM characters, no MASK) occurs in `searched` — the indexed
   * text, or the same with some of it masked — in no particular order. */
  occurrences(piece: string, searched: string): number[];
};

function gramHash(text: string, at: number): number {
  let hash = 0;
  for (let i = 0; i < GRAM; i++) hash = (Math.imul(hash, GRAM_BASE) + text.charCodeAt(at + i)) | 0;
  return hash;
}

/** Indexes the GRAM-character stretches of `text` by a rolling hash (typed arrays only). */
export function createTextIndex(text: string): TextIndex {
  const count = Math.max(0, text.length - GRAM + 1);
  let power = 1;
  for (let i = 1; i < GRAM; i++) power = Math.imul(power, GRAM_BASE);
  // hashes[at]: the hash of text[at, at + GRAM); heads[slot] / next[at]: the places whose hash
  // falls in a slot, chained; sizes[slot]: how many (to pick a piece's rarest gram).
  const hashes = new Int32Array(count);
  const heads = new Int32Array(SLOTS).fill(-1);
  const sizes = new Int32Array(SLOTS);
  const next = new Int32Array(count);
  let hash = count > 0 ? gramHash(text, 0) : 0;
  for (let at = 0; at < count; at++) {
    hashes[at] = hash;
    const slot = hash & (SLOTS - 1);
    next[at] = heads[slot];
    heads[slot] = at;
    sizes[slot]++;
    if (at + GRAM < text.length)
      hash =
        (Math.imul((hash - Math.imul(text.charCodeAt(at), power)) | 0, GRAM_BASE) + text.charCodeAt(at + GRAM)) | 0;
  }
  return {
    text,
    occurrences(piece, searched) {
      // The piece's rarest gram leads to the fewest places to check.
      let best = 0;
      let bestHash = 0;
      let bestSize = Infinity;
      for (let offset = 0; offset + GRAM <= piece.length; offset++) {
        const h = gramHash(piece, offset);
        const size = sizes[h & (SLOTS - 1)];
        if (size < bestSize) {
          best = offset;
          bestHash = h;
          bestSize = size;
          if (size === 0) return [];
        }
      }
      const found: number[] = [];
      for (let at = heads[bestHash & (SLOTS - 1)]; at !== -1; at = next[at]) {
        const start = at - best;
        if (hashes[at] === bestHash && start >= 0 && searched.startsWith(piece, start)) found.push(start);
      }
      return found;
    },
  };
}

// The indexes of the last texts searched (a re-anchoring searches its new text and the same
// folded, hundreds of times each).
const recentIndexes: TextIndex[] = [];

function indexOf(text: string): TextIndex {
  let index = recentIndexes.find((candidate) => candidate.text === text);
  if (!index) {
    index = createTextIndex(text);
    recentIndexes.unshift(index);
    recentIndexes.length = Math.min(recentIndexes.length, 2);
  }
  return index;
}

/**
 * The ends of approxSearch(searched, pattern, maxErrors) when its matches have at most `guess`
 * errors, found without reading the whole text: with the pattern split into guess + 1 pieces, a
 * match with at most `guess` edits holds one piece verbatim (an edit touches one piece at most),
 * so only the stretches around the pieces' occurrences can hold one, and only those are read.
 * Null when no match has `guess` errors or fewer (only a full search can answer then) or the
 * pieces would be shorter than a gram.
 */
function findEndsNear(
  index: TextIndex,
  searched: string,
  pattern: string,
  maxErrors: number,
  guess: number,
  forward: Peq,
): { end: number; errors: number }[] | null {
  const m = pattern.length;
  const k = Math.min(maxErrors, guess, m);
  const pieces = k + 1;
  if (k < 0 || Math.floor(m / pieces) < GRAM || searched.length !== index.text.length) return null;
  const n = searched.length;
  const windows: Span[] = [];
  for (let piece = 0; piece < pieces; piece++) {
    const from = Math.floor((piece * m) / pieces);
    const to = Math.floor(((piece + 1) * m) / pieces);
    // A match holding this piece at `at` starts at most k before at - from and ends at most k
    // after at - from + m.
    for (const at of index.occurrences(pattern.slice(from, to), searched))
      windows.push({ start: Math.max(0, at - from - k), end: Math.min(n, at - from + m + k) });
  }
  windows.sort((a, b) => a.start - b.start);
  // Each merged stretch is searched on its own, the lowest error count kept across them, as one
  // search of the whole text keeps it (every match within the budget lies inside one stretch).
  let ends: { end: number; errors: number }[] = [];
  let threshold = k;
  const scan = (start: number, end: number) => {
    for (const match of findMatchEnds(searched, start, end - start, 1, m, forward, threshold)) {
      if (match.errors < threshold) ends = [];
      threshold = match.errors;
      ends.push({ end: start + match.end, errors: match.errors });
    }
  };
  let from = -1;
  let to = -1;
  for (const window of windows) {
    if (from !== -1 && window.start <= to) {
      to = Math.max(to, window.end);
      continue;
    }
    if (from !== -1) scan(from, to);
    from = window.start;
    to = window.end;
  }
  if (from !== -1) scan(from, to);
  if (ends.length > 0) return ends;
  // Nothing within the guess: the answer is "none" only when the guess was the whole budget.
  return k === Math.min(maxErrors, m) ? [] : null;
}

/** The guesses tried before a full search, as shares of the pattern's length. */
const GUESSES = [0.05, 0.1];
