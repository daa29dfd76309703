import { describe, expect, it } from "vitest";
import { nthRangeOf, rangeOf, revise, seed, slicePoints } from "../../tests/anchoring/support/seed-article";
import { describeAnchor } from "./describe-anchor";
import { createResolver, resolveAnchor } from "./resolve-anchor";
import type { ResolveResult, StoredAnchor } from "./types";

const paragraph = (index: number) => seed.blocks[index].text;

/** The anchor Gloss stores for the one occurrence (or the nth) of `quote` in the seed text. */
function anchorOn(quote: string, nth?: number): StoredAnchor {
  const { start, end } = nth === undefined ? rangeOf(seed.text, quote) : nthRangeOf(seed.text, quote, nth);
  return describeAnchor(seed.text, start, end, seed.blocks);
}

function expectPlaced(result: ResolveResult, range: { start: number; end: number }) {
  expect(result).toMatchObject({ state: "anchored", start: range.start, end: range.end });
  return result;
}

const opening = "A new opening paragraph that mentions no one in particular.";

describe("resolveAnchor on the seed article", () => {
  it("places an anchor at its stored position when the text is unchanged", () => {
    const anchor = anchorOn("cut all diplomatic ties with Iran");
    const result = resolveAnchor(seed.text, anchor);
    expect(result).toEqual({ state: "anchored", ...anchor.position, score: 1, method: "position" });
  });

  it("finds the exact quote again when text inserted before it shifted every position", () => {
    const revised = revise(["Earlier at the beginning", `${opening}\n\nEarlier at the beginning`]);
    const anchor = anchorOn("The ransomware software used is referred to as Roadsweep");
    const result = resolveAnchor(revised.text, anchor);
    expectPlaced(result, rangeOf(revised.text, anchor.quote.exact));
    expect(result).toMatchObject({ method: "exact", score: 1 });
  });

  it("tells a repeated quote's occurrences apart by context, with or without the position", () => {
    const revised = revise(["Earlier at the beginning", `${opening}\n\nEarlier at the beginning`]);
    for (const nth of [0, 9, 17, 30, 47]) {
      const anchor = anchorOn("Iran", nth);
      expect(expectPlaced(resolveAnchor(revised.text, anchor), nthRangeOf(revised.text, "Iran", nth))).toMatchObject({
        method: "exact",
      });
      const withoutPosition = { quote: anchor.quote };
      expectPlaced(resolveAnchor(revised.text, withoutPosition), nthRangeOf(revised.text, "Iran", nth));
    }
  });

  it("follows a quote whose typo was fixed (approximate match)", () => {
    const anchor = anchorOn("by not adhering to the nuclear dela which was signed by both Nation States in 2015");
    const revised = revise(["nuclear dela which", "nuclear deal which"]);
    const result = resolveAnchor(revised.text, anchor);
    expectPlaced(
      result,
      rangeOf(revised.text, "by not adhering to the nuclear deal which was signed by both Nation States in 2015"),
    );
    expect(result).toMatchObject({ method: "fuzzy" });
    expect((result as { score: number }).score).toBeGreaterThan(0.8);
  });

  it("follows a quote into which a sentence was inserted", () => {
    const quote =
      "This decision was taken following the cyber attacks by Iran on official Albanian state websites. This was the first case of severing diplomatic ties over a cyber-attack";
    const anchor = anchorOn(quote);
    const revised = revise(["state websites. This was", "state websites. The embassy closed the same day. This was"]);
    const result = resolveAnchor(revised.text, anchor);
    const expected = rangeOf(
      revised.text,
      quote.replace("websites. This", "websites. The embassy closed the same day. This"),
    );
    expectPlaced(result, expected);
    expect(result).toMatchObject({ method: "fuzzy" });
  });

  it("follows an exact quote whose surrounding sentence was rewritten on one side", () => {
    const anchor = anchorOn("Microsoft report and investigation by the USA and Albania");
    const revised = revise(["According to a Microsoft report", "As set out in a Microsoft report"]);
    expectPlaced(resolveAnchor(revised.text, anchor), rangeOf(revised.text, anchor.quote.exact));
  });

  it("follows a paragraph moved elsewhere in the article", () => {
    const moved = paragraph(8);
    const revised = revise(
      [`\n\n${moved}`, ""],
      ["Iran in complete violation", `${moved}\n\nIran in complete violation`],
    );
    for (const quote of [
      "According to a Microsoft report",
      "which upon execution enumerates and encrypts files",
      "both inside and outside of the territory.",
    ]) {
      const result = resolveAnchor(revised.text, anchorOn(quote));
      expectPlaced(result, rangeOf(revised.text, quote));
      expect(result).toMatchObject({ method: "exact" });
    }
  });

  it("orphans a quote whose passage was deleted", () => {
    const anchor = anchorOn(
      "The U.S.A came to their rescue, drew a pact with Albania to house 3,000 MEK members in its territory",
    );
    const revised = revise([
      " The U.S.A came to their rescue, drew a pact with Albania to house 3,000 MEK members in its territory, after the death of the Iraqi dictator Saddam Hussein.",
      "",
    ]);
    expect(resolveAnchor(revised.text, anchor)).toMatchObject({ state: "orphaned" });
  });

  it("orphans a quote whose passage was deleted when a look-alike passage remains elsewhere", () => {
    const anchor = anchorOn("Albania being a member of NATO and an ally of U.S.A");
    const revised = revise([paragraph(6), "Albania hosted the group."]);
    // 90% like the quote, in another paragraph: "However, Albania being a member of NATO and an ally of the USA, …"
    expect(revised.text).toContain("Albania being a member of NATO and an ally of the USA");
    expect(resolveAnchor(revised.text, anchor)).toMatchObject({ state: "orphaned", reason: "low-confidence" });
    const longer = anchorOn("Albania being a member of NATO and an ally of U.S.A agreed to house the members");
    expect(resolveAnchor(revised.text, longer)).toMatchObject({ state: "orphaned" });
  });

  it("orphans a repeated phrase whose own sentence was deleted although a copy remains", () => {
    const anchor = anchorOn("These attacks by Iran are an offensive act of aggregation");
    const revised = revise([
      "These attacks by Iran are an offensive act of aggregation and an open call for war. ",
      "",
    ]);
    expect(revised.text).toContain("Iran has committed an offensive act of aggregation");
    expect(resolveAnchor(revised.text, anchor)).toMatchObject({ state: "orphaned" });
  });

  it("orphans a short quote whose context is gone even though the words recur once elsewhere", () => {
    const anchor = anchorOn("Saddam Hussein");
    const revised = revise(
      [", after the death of the Iraqi dictator Saddam Hussein.", "."],
      [
        "The analysis of the entire situation",
        "Nobody mentioned Saddam Hussein in the talks. The analysis of the entire situation",
      ],
    );
    expect(resolveAnchor(revised.text, anchor)).toMatchObject({ state: "orphaned", reason: "low-confidence" });
  });

  it("orphans rather than choose between two copies of a passage that only the position tells apart", () => {
    const anchor = anchorOn("the cyber attacks by Iran on official Albanian state websites");
    const copy = paragraph(0);
    const revised = revise(
      ["Earlier at the beginning", `${opening}\n\nEarlier at the beginning`],
      [paragraph(11), `${paragraph(11)}\n\n${copy}`],
    );
    expect(resolveAnchor(revised.text, anchor)).toMatchObject({ state: "orphaned", reason: "ambiguous" });
    // At its stored position the quote and its context are intact: that copy is the one.
    const unshifted = revise([paragraph(11), `${paragraph(11)}\n\n${copy}`]);
    expect(resolveAnchor(unshifted.text, anchor)).toMatchObject({
      state: "anchored",
      ...anchor.position,
      method: "position",
    });
  });

  it("counts positions in code points when emoji precede the quote", () => {
    const anchor = anchorOn("USA’s and NATO’s Condemnation");
    const revised = revise(["Earlier at the beginning", "🇦🇱🇮🇷 😀 Earlier at the beginning"]);
    const result = resolveAnchor(revised.text, anchor);
    const expected = rangeOf(revised.text, "USA’s and NATO’s Condemnation");
    expectPlaced(result, expected);
    expect(expected.start).toBe(anchor.position.start + 7);
    if (result.state === "anchored")
      expect(slicePoints(revised.text, result.start, result.end)).toBe(anchor.quote.exact);
  });

  it("counts code points for an approximate match of a quote that contains emoji", () => {
    const oldText =
      "Intro 🇦🇱 line.\nAlbania 🇦🇱 cut its ties with Iran 🇮🇷 after the atacks on its servers 💻 in July.\nEnd 😀.";
    const newText =
      "New 🎉 intro 🇦🇱 line.\nAlbania 🇦🇱 cut its ties with Iran 🇮🇷 after the attacks on its servers 💻 in July.\nEnd 😀.";
    const quote = "cut its ties with Iran 🇮🇷 after the atacks on its servers 💻";
    const anchor = describeAnchor(oldText, ...(Object.values(rangeOf(oldText, quote)) as [number, number]));
    const result = resolveAnchor(newText, anchor);
    const expected = rangeOf(newText, quote.replace("atacks", "attacks"));
    expect(result).toMatchObject({ state: "anchored", method: "fuzzy", ...expected });
    expect(expected.start).toBe(anchor.position.start + 6);
  });

  it("orphans an empty quote and ignores an impossible position", () => {
    expect(resolveAnchor(seed.text, { quote: { exact: "", prefix: "", suffix: "" } })).toEqual({
      state: "orphaned",
      reason: "empty-quote",
    });
    const anchor = anchorOn("Roadsweep");
    const result = resolveAnchor(seed.text, { ...anchor, position: { start: 999_999, end: 5 } });
    expectPlaced(result, anchor.position);
  });
});

describe("createResolver", () => {
  it("resolves a list of anchors exactly as resolveAnchor does one by one", () => {
    const revised = revise(
      ["Earlier at the beginning", `${opening}\n\nEarlier at the beginning`],
      ["nuclear dela which", "nuclear deal which"],
      [paragraph(6), "Albania hosted the group."],
    );
    const anchors = [
      anchorOn("cut all diplomatic ties with Iran"),
      anchorOn("Iran", 20),
      anchorOn("by not adhering to the nuclear dela which was signed"),
      anchorOn("Albania being a member of NATO and an ally of U.S.A agreed to house the members"),
      anchorOn("referred to as Roadsweep"),
      { quote: { exact: "", prefix: "", suffix: "" } },
    ];
    const resolver = createResolver(revised.text);
    const all = resolver.resolveAll(anchors);
    expect(all).toEqual(anchors.map((anchor) => resolveAnchor(revised.text, anchor)));
    expect(all.map((result) => result.state)).toEqual([
      "anchored",
      "anchored",
      "anchored",
      "orphaned",
      "anchored",
      "orphaned",
    ]);
  });
});
