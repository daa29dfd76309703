import { describe, expect, it } from "vitest";
import { nthRangeOf, rangeOf, seed, slicePoints } from "../../tests/anchoring/support/seed-article";
import { blockIdAt, describeAnchor } from "./describe-anchor";
import { createUniqueStretches, describeQuoteUtf16, describeTextQuote, MIN_CONTEXT } from "./describe-text-quote";

const occurrences = (text: string, needle: string) => {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
};

describe("describeTextQuote", () => {
  it("keeps 32 code points of context on each side of a quote in the seed article", () => {
    const { start, end } = rangeOf(seed.text, "cut all diplomatic ties with Iran");
    const quote = describeTextQuote(seed.text, start, end);
    expect(quote.exact).toBe("cut all diplomatic ties with Iran");
    expect(Array.from(quote.prefix)).toHaveLength(MIN_CONTEXT);
    expect(Array.from(quote.suffix)).toHaveLength(MIN_CONTEXT);
    expect(quote.prefix).toBe(", Albania announced that it has ");
    expect(quote.suffix).toBe(" and has asked the Iranian diplo");
  });

  it("takes less context only at the edges of the text", () => {
    const quote = describeTextQuote(seed.text, 0, 7);
    expect(quote).toMatchObject({ exact: "Earlier", prefix: "" });
    const last = seed.text.length;
    const tail = describeTextQuote(seed.text, last - 5, last);
    expect(tail.suffix).toBe("");
    expect(tail.exact).toBe("ence.");
  });

  it("extends the context of a repeated quote until the selector occurs exactly once", () => {
    const text = [
      "Intro.",
      ...Array.from({ length: 6 }, () => "The same sentence is repeated here, again and again, word for word."),
      "Outro.",
    ].join("\n");
    const { start, end } = nthRangeOf(text, "repeated", 3);
    const quote = describeTextQuote(text, start, end);
    expect(occurrences(text, quote.prefix + quote.exact + quote.suffix)).toBe(1);
    expect(Array.from(quote.prefix).length + Array.from(quote.suffix).length).toBeGreaterThan(2 * MIN_CONTEXT);
  });

  it("makes every selector of the seed article unique (sampled ranges, common words included)", () => {
    for (const word of ["Iran", "Albania", "the", "NATO", "U.S.A"]) {
      const count = occurrences(seed.text, word);
      for (let nth = 0; nth < count; nth += 3) {
        const { start, end } = nthRangeOf(seed.text, word, nth);
        const quote = describeTextQuote(seed.text, start, end);
        expect(quote.exact).toBe(word);
        expect(occurrences(seed.text, quote.prefix + quote.exact + quote.suffix)).toBe(1);
        expect(Array.from(quote.prefix).length).toBeGreaterThanOrEqual(Math.min(MIN_CONTEXT, start));
      }
    }
  });

  it("counts positions in code points: the seed's curly apostrophes are one each", () => {
    const { start, end } = rangeOf(seed.text, "US’s drone strikes");
    expect(end - start).toBe(18);
    const quote = describeTextQuote(seed.text, start, end);
    expect(quote.exact).toBe("US’s drone strikes");
    expect(slicePoints(seed.text, start, end)).toBe(quote.exact);
  });

  it("counts an emoji as one code point and never splits one in the context", () => {
    const text = `${"😀".repeat(40)} quoted words ${"🇦🇱".repeat(20)}`;
    const start = 41;
    const quote = describeTextQuote(text, start, start + 12);
    expect(quote.exact).toBe("quoted words");
    expect(Array.from(quote.prefix)).toHaveLength(32);
    expect(Array.from(quote.suffix)).toHaveLength(32);
    expect(quote.prefix).toBe(`${"😀".repeat(31)} `);
    expect(quote.suffix.startsWith(" 🇦")).toBe(true);
    expect(/[\ud800-\udbff]$/.test(quote.prefix + quote.suffix)).toBe(false);
  });

  it("refuses empty, reversed and out-of-range selections", () => {
    expect(() => describeTextQuote("abc", 1, 1)).toThrow(RangeError);
    expect(() => describeTextQuote("abc", 2, 1)).toThrow(RangeError);
    expect(() => describeTextQuote("abc", 0, 4)).toThrow(RangeError);
    expect(() => describeTextQuote("abc", -1, 2)).toThrow(RangeError);
  });
});

describe("describeAnchor", () => {
  it("stores quote, position and the id of the block the selection starts in", () => {
    const { start, end } = rangeOf(seed.text, "Roadsweep");
    const anchor = describeAnchor(seed.text, start, end, seed.blocks);
    const block = seed.blocks.find((candidate) => candidate.text.includes("Roadsweep"))!;
    expect(anchor).toEqual({
      quote: describeTextQuote(seed.text, start, end),
      position: { start, end },
      blockId: block.id,
    });
  });

  it("gives the newline between two blocks to the block after it", () => {
    const blocks = [
      { id: "b1", text: "One 😀" },
      { id: "b2", text: "Two" },
    ];
    expect(blockIdAt(blocks, 4)).toBe("b1");
    expect(blockIdAt(blocks, 5)).toBe("b2");
    expect(blockIdAt(blocks, 6)).toBe("b2");
    expect(blockIdAt(blocks, 9)).toBeUndefined();
    expect(describeAnchor("One 😀\nTwo", 6, 9).blockId).toBeUndefined();
  });
});

describe("createUniqueStretches", () => {
  it("gives describeQuoteUtf16 the same answer, only faster, on texts full of repeats", () => {
    // A small vocabulary repeats whole phrases, so many contexts are unique only when long.
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ["the", "cat", "sat", "on", "a", "mat", "and", "then", "it", "slept", "\n"];
    const text =
      Array.from({ length: 3000 }, () => words[Math.floor(random() * words.length)]).join(" ") + " " + seed.text;
    const unique = createUniqueStretches(text);
    let sped = 0;
    for (let run = 0; run < 600; run++) {
      const start = Math.floor(random() * (text.length - 40));
      const end = start + 1 + Math.floor(random() * 40);
      if (/[\ud800-\udfff]/.test(text.slice(start - 1, end + 1))) continue;
      expect(describeQuoteUtf16(text, start, end, unique)).toEqual(describeQuoteUtf16(text, start, end));
      if (unique.within(Math.max(0, start - MIN_CONTEXT), end + MIN_CONTEXT)) sped++;
    }
    expect(sped).toBeGreaterThan(100);
  });

  it("finds every place of a passage as indexOf does, and describes long quotes and quotes at the edges the same", () => {
    let state = 11;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ["the", "cat", "sat", "on", "a", "mat", "\n"];
    const phrase = Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(" ");
    // Whole paragraphs recur (as in the long article of the benches): every stretch of them recurs.
    const text = Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? `${phrase} ${i}` : phrase)).join("\n");
    const unique = createUniqueStretches(text);
    for (let run = 0; run < 300; run++) {
      const start = run % 10 === 0 ? run % 7 : Math.floor(random() * (text.length - 130));
      const end = run % 10 === 5 ? text.length - (run % 3) : start + 1 + Math.floor(random() * 120);
      if (end <= start) continue;
      expect(describeQuoteUtf16(text, start, end, unique)).toEqual(describeQuoteUtf16(text, start, end));
      const needle = text.slice(start, Math.min(text.length, start + 40 + (run % 50)));
      const places: number[] = [];
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) places.push(at);
      expect(unique.occurrences(start, start + needle.length)).toEqual(needle.length < 32 ? null : places);
    }
  });

  it("never calls a repeated passage unique", () => {
    const text = "x".repeat(10) + "a passage that is long enough to be a stretch, twice. ".repeat(2) + "y".repeat(10);
    const unique = createUniqueStretches(text);
    expect(unique.within(10, 10 + 54)).toBe(false);
    expect(unique.within(0, 50)).toBe(true);
    expect(unique.within(0, 5)).toBe(false);
  });
});
