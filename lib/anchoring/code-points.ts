// Anchor positions count Unicode code points (W3C); JavaScript strings index UTF-16 code units.
// These convert between the two in O(1) after one O(n) pass, and not at all for texts without
// astral characters (surrogate pairs), where both counts are the same.

export type CodePointIndex = {
  /** The text's length in code points. */
  readonly length: number;
  /** True when some character takes two UTF-16 units (emoji and other astral characters). */
  readonly hasAstral: boolean;
  /** The UTF-16 index of a code point offset, clamped to the text. */
  toUtf16(codePoint: number): number;
  /** The code point offset of a UTF-16 index, clamped; inside a surrogate pair it rounds down. */
  toCodePoint(utf16: number): number;
};

const SURROGATE = /[\ud800-\udfff]/;

const clamp = (value: number, max: number) => (value <= 0 ? 0 : value >= max ? max : Math.floor(value));

function isPair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** Precomputes the code point ↔ UTF-16 tables for `text` (none when it has no surrogates). */
export function createCodePointIndex(text: string): CodePointIndex {
  const units = text.length;
  if (!SURROGATE.test(text)) {
    return {
      length: units,
      hasAstral: false,
      toUtf16: (codePoint) => clamp(codePoint, units),
      toCodePoint: (utf16) => clamp(utf16, units),
    };
  }

  const unitToPoint = new Uint32Array(units + 1);
  const pointToUnit = new Uint32Array(units + 1);
  let point = 0;
  for (let unit = 0; unit < units; point++) {
    pointToUnit[point] = unit;
    unitToPoint[unit] = point;
    if (isPair(text, unit)) {
      unitToPoint[unit + 1] = point;
      unit += 2;
    } else {
      unit += 1;
    }
  }
  pointToUnit[point] = units;
  unitToPoint[units] = point;
  const length = point;
  return {
    length,
    hasAstral: true,
    toUtf16: (codePoint) => pointToUnit[clamp(codePoint, length)],
    toCodePoint: (utf16) => unitToPoint[clamp(utf16, units)],
  };
}

/** The number of code points in `text` (for short strings; long texts use an index). */
export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  for (let unit = 0; unit < text.length; count++) unit += isPair(text, unit) ? 2 : 1;
  return count;
}

/** The UTF-16 index `count` code points before `from` (stops at 0). */
export function backCodePoints(text: string, from: number, count: number): number {
  let unit = from;
  for (let taken = 0; taken < count && unit > 0; taken++) unit -= unit >= 2 && isPair(text, unit - 2) ? 2 : 1;
  return unit;
}

/** The UTF-16 index `count` code points after `from` (stops at the end). */
export function forwardCodePoints(text: string, from: number, count: number): number {
  let unit = from;
  for (let taken = 0; taken < count && unit < text.length; taken++) unit += isPair(text, unit) ? 2 : 1;
  return unit;
}
