// Typographic differences are not edits: curly and straight quotes, dashes and hyphens, kinds
// and runs of spaces, soft hyphens and other invisible characters. Revisions are compared on
// their folded text, which remembers where each of its characters came from.

export type FoldedText = {
  /** The text with curly quotes straightened, dashes made "-", space runs made one " " (one
   * "\n" when the run holds a line break), invisible characters dropped, "…" made "...". */
  readonly text: string;
  /** The folded offset of UTF-16 offset `at` of the original (0 … original length). */
  toFolded(at: number): number;
  /** The original UTF-16 offset where folded offset `at` starts (a range's start). */
  startOf(at: number): number;
  /** The original UTF-16 offset where the folded range ending at `at` ends (a range's end). */
  endOf(at: number): number;
};

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const SINGLE_QUOTE = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/;
const DOUBLE_QUOTE = /[\u201c-\u201f\u2033]/;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const NEEDS_FOLDING =
  /[\u00ad\u200b-\u200d\u2060\ufeff\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u2018-\u201f\u2032\u2033\u00b4`\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2026\t\r\f\v]| {2}|\s\n|\n\s/;

/** One character (UTF-16 unit) folded: "" when dropped, "\n" or " " for a space. */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    // ASCII (most of any text): only white space and the backtick fold, as the classes below say.
    if (code === 0x0a) return "\n";
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return " ";
    return code === 0x60 ? "'" : char;
  }
  if (INVISIBLE.test(char)) return "";
  if (char === "\n") return "\n";
  if (SPACE.test(char)) return " ";
  if (SINGLE_QUOTE.test(char)) return "'";
  if (DOUBLE_QUOTE.test(char)) return '"';
  if (DASH.test(char)) return "-";
  if (char === "\u2026") return "...";
  return char;
}

/** Folds a short string (a quote or its context) the same way, without the offset tables. */
export function foldString(text: string): string {
  return NEEDS_FOLDING.test(text) ? foldTypography(text).text : text;
}

export function foldTypography(original: string): FoldedText {
  const length = original.length;
  if (!NEEDS_FOLDING.test(original)) {
    const clamp = (at: number) => (at <= 0 ? 0 : at >= length ? length : at);
    return { text: original, toFolded: clamp, startOf: clamp, endOf: clamp };
  }
  let text = "";
  // For each folded unit, the original range it came from.
  const starts: number[] = [];
  const ends: number[] = [];
  const toFolded = new Int32Array(length + 1);
  let at = 0;
  while (at < length) {
    const char = original[at];
    toFolded[at] = text.length;
    let folded = foldChar(char);
    let next = at + 1;
    if (folded === " " || folded === "\n") {
      // A run of spaces (and invisible characters inside it) becomes one.
      while (next < length) {
        const following = foldChar(original[next]);
        if (following !== " " && following !== "\n" && following !== "") break;
        if (following === "\n") folded = "\n";
        toFolded[next] = text.length;
        next++;
      }
    }
    for (const unit of folded) {
      text += unit;
      starts.push(at);
      ends.push(next);
    }
    at = next;
  }
  toFolded[length] = text.length;
  const foldedLength = text.length;
  return {
    text,
    toFolded: (offset) => toFolded[offset <= 0 ? 0 : offset >= length ? length : offset],
    startOf: (offset) =>
      offset <= 0 ? (foldedLength === 0 ? 0 : starts[0]) : offset >= foldedLength ? length : starts[offset],
    endOf: (offset) => (offset <= 0 ? 0 : offset >= foldedLength ? length : ends[offset - 1]),
  };
}
