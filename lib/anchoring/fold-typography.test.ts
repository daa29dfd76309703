import { describe, expect, it } from "vitest";
import { createDiffMap } from "./diff-map";
import { foldString, foldTypography } from "./fold-typography";

describe("foldTypography", () => {
  it("straightens quotes, makes dashes hyphens, collapses spaces and drops soft hyphens", () => {
    expect(foldString("It’s “new” — co\u00adoperation\u00a0 now…")).toBe(`It's "new" - cooperation now...`);
    expect(foldString("plain text")).toBe("plain text");
  });

  it('keeps a line break as one "\\n" and maps offsets both ways', () => {
    const original = "a \u00a0\n b\u00adc “d”";
    const folded = foldTypography(original);
    expect(folded.text).toBe('a\nbc "d"');
    const at = folded.text.indexOf("bc");
    expect(folded.startOf(at)).toBe(original.indexOf("b"));
    expect(folded.endOf(at + 2)).toBe(original.indexOf("c") + 1);
    expect(folded.toFolded(original.indexOf("“"))).toBe(folded.text.indexOf('"'));
    expect(original.slice(folded.startOf(folded.text.indexOf('"d"')), folded.endOf(folded.text.length))).toBe("“d”");
  });
});

describe("createDiffMap traceRange", () => {
  const oldText = "one two three four five six seven";
  const newText = "one two THREE four five SIX extra seven";
  const map = createDiffMap(oldText, newText);
  const range = (text: string, words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
  });

  it("maps an edited range to the region between where its ends went, counting what was kept", () => {
    const old = range(oldText, "two three four");
    const traced = map.traceRange(old.start, old.end);
    expect(newText.slice(traced.start, traced.end)).toBe("two THREE four");
    expect(traced.kept).toBe("two  four".length);
  });

  it('takes a replaced last word\'s replacement whole ("six" became "SIX extra")', () => {
    const old = range(oldText, "five six");
    const traced = map.traceRange(old.start, old.end);
    expect(newText.slice(traced.start, traced.end)).toBe("five SIX extra");
    const kept = range(oldText, "four five");
    expect(map.traceRange(kept.start, kept.end)).toMatchObject({ kept: 9 });
    expect(map.insertedShare(newText.indexOf("extra"), newText.indexOf("extra") + 5)).toBe(1);
    expect(map.insertedShare(0, 3)).toBe(0);
  });
});
