import DiffMatchPatch from "diff-match-patch";

export type DiffPart = { op: "same" | "added" | "removed"; text: string };

// A word-level diff of two bodies: words are mapped to single characters, diffed, mapped back.
export function diffWords(before: string, after: string): DiffPart[] {
  const dmp = new DiffMatchPatch();
  const vocabulary = new Map<string, string>();
  const words: string[] = [];
  const encode = (text: string) => (text.match(/\s+|[^\s]+/g) ?? []).map((w) => {
    let code = vocabulary.get(w);
    if (code === undefined) { code = String.fromCharCode(words.length + 256); vocabulary.set(w, code); words.push(w); }
    return code;
  }).join("");
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, chars]) => ({
    op: op === 0 ? "same" : op === 1 ? "added" : "removed",
    text: [...chars].map((c) => words[c.charCodeAt(0) - 256]).join(""),
  }));
}
