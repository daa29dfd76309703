import { describe, expect, it } from "vitest";
import { nthRangeOf, rangeOf, revise, seed, slicePoints } from "../../tests/anchoring/support/seed-article";
import { describeAnchor } from "./describe-anchor";
import { describeTextQuote } from "./describe-text-quote";
import { createDiffMap } from "./diff-map";
import { reanchor } from "./reanchor";
import type { StoredAnchor } from "./types";

const paragraph = (index: number) => seed.blocks[index].text;

function anchorOn(quote: string, nth?: number): StoredAnchor {
  const { start, end } = nth === undefined ? rangeOf(seed.text, quote) : nthRangeOf(seed.text, quote, nth);
  return describeAnchor(seed.text, start, end, seed.blocks);
}

describe("createDiffMap", () => {
  it("maps ranges after insertions and deletions before them, and flags ranges the edit touched", () => {
    const oldText = "alpha beta gamma delta epsilon zeta eta theta";
    const newText = "new words alpha gamma delta epsilon zeta extra eta theta";
    const map = createDiffMap(oldText, newText);
    const at = (text: string, word: string) => text.indexOf(word);
    // "gamma delta" sits after an insertion (+10) and a deletion ("beta ", −5).
    expect(map.mapRange(at(oldText, "gamma"), at(oldText, "gamma") + 11)).toEqual({
      clean: true,
      start: at(newText, "gamma"),
      end: at(newText, "gamma") + 11,
    });
    // "zeta eta" now has a word inside it: no clean mapping, but a hint where it went.
    const touched = map.mapRange(at(oldText, "zeta"), at(oldText, "zeta") + 8);
    expect(touched).toEqual({ clean: false, hint: at(newText, "zeta"), unchanged: 1 });
    // "beta" was deleted: the hint is where the deletion happened.
    expect(map.mapRange(at(oldText, "beta"), at(oldText, "beta") + 4)).toMatchObject({ clean: false });
  });

  it("maps everything cleanly between identical texts", () => {
    const map = createDiffMap(seed.text, seed.text);
    expect(map.mapRange(100, 250)).toEqual({ clean: true, start: 100, end: 250 });
  });
});

describe("reanchor on revisions of the seed article", () => {
  const quotes = [
    "cut all diplomatic ties with Iran",
    "The ransomware software used is referred to as Roadsweep",
    "by not adhering to the nuclear dela which was signed by both Nation States in 2015",
    "The U.S.A came to their rescue, drew a pact with Albania",
    "stringent actions are taken against Iran by the international society",
  ];

  it("keeps every anchor of an unchanged revision in place", () => {
    const anchors = quotes.map((quote) => anchorOn(quote));
    const result = reanchor(seed.text, seed.text, anchors);
    expect(result.summary).toEqual({ kept: anchors.length, moved: 0, orphaned: 0 });
    result.anchors.forEach((placed, index) => {
      expect(placed).toMatchObject({ state: "anchored", ...anchors[index].position, method: "diff", change: "kept" });
    });
  });

  it("maps positions through inserts and deletes before the quotes, then re-describes the quote", () => {
    const revised = revise(
      ["Earlier at the beginning", "A new opening paragraph.\n\nEarlier at the beginning"],
      [
        " This was the first case of severing diplomatic ties over a cyber-attack, witnessed by the international community.",
        "",
      ],
      ["Iran has stated that these", "Iran, a regional power, has stated that these"],
    );
    const anchors = quotes.map((quote) => anchorOn(quote));
    const result = reanchor(seed.text, revised.text, anchors, { newBlocks: revised.blocks });
    expect(result.summary).toEqual({ kept: 0, moved: anchors.length, orphaned: 0 });
    result.anchors.forEach((placed, index) => {
      const expected = rangeOf(revised.text, quotes[index]);
      expect(placed).toMatchObject({ state: "anchored", ...expected, method: "diff", change: "moved" });
      if (placed.state !== "anchored") return;
      expect(placed.quote).toEqual(describeTextQuote(revised.text, expected.start, expected.end));
      expect(revised.blocks.find((block) => block.id === placed.blockId)?.text).toContain(quotes[index]);
    });
  });

  it("keeps anchors before an edit and moves the ones after it", () => {
    const revised = revise(["Roadsweep, which is a new software", "Roadsweep, a new kind of software"]);
    const before = anchorOn("cut all diplomatic ties with Iran");
    const after = anchorOn("stringent actions are taken against Iran by the international society");
    const result = reanchor(seed.text, revised.text, [before, after]);
    expect(result.anchors[0]).toMatchObject({ change: "kept", ...before.position });
    expect(result.anchors[1]).toMatchObject({ change: "moved", ...rangeOf(revised.text, after.quote.exact) });
    expect(result.summary).toEqual({ kept: 1, moved: 1, orphaned: 0 });
  });

  it("finds edited quotes approximately, moved paragraphs by quote, and orphans deleted passages", () => {
    const moved = paragraph(8);
    const revised = revise(
      ["nuclear dela which", "nuclear deal which"],
      [`\n\n${moved}`, ""],
      ["Iran in complete violation", `${moved}\n\nIran in complete violation`],
      [
        " The U.S.A came to their rescue, drew a pact with Albania to house 3,000 MEK members in its territory, after the death of the Iraqi dictator Saddam Hussein.",
        "",
      ],
    );
    const anchors = [
      anchorOn("by not adhering to the nuclear dela which was signed by both Nation States in 2015"),
      anchorOn("which upon execution enumerates and encrypts files"),
      anchorOn("The U.S.A came to their rescue, drew a pact with Albania"),
      anchorOn("Albania being a member of NATO and an ally of U.S.A"),
    ];
    const result = reanchor(seed.text, revised.text, anchors);
    // The diff kept most of it in place: followed as an edited passage.
    expect(result.anchors[0]).toMatchObject({
      state: "anchored",
      method: "edited",
      ...rangeOf(revised.text, "by not adhering to the nuclear deal which was signed by both Nation States in 2015"),
    });
    expect(result.anchors[1]).toMatchObject({
      state: "anchored",
      ...rangeOf(revised.text, "which upon execution enumerates and encrypts files"),
    });
    expect(result.anchors[2]).toMatchObject({ state: "orphaned" });
    expect(result.anchors[3]).toMatchObject({ state: "anchored", method: "diff" });
    expect(result.summary).toEqual({ kept: 0, moved: 3, orphaned: 1 });
  });

  it("never moves a deleted passage's anchor onto its look-alike", () => {
    const anchor = anchorOn("Albania being a member of NATO and an ally of U.S.A");
    const revised = revise([paragraph(6), "Albania hosted the group."]);
    expect(reanchor(seed.text, revised.text, [anchor]).anchors[0]).toMatchObject({ state: "orphaned" });
  });

  it("follows a passage through typographic changes and small rewordings, re-describing it", () => {
    const revised = revise(
      ["US’s drone strikes", "US's drone strikes"],
      ["cut all diplomatic ties with Iran", "cut all diplomatic and trade ties with Iran"],
    );
    const anchors = [anchorOn("US’s drone strikes"), anchorOn("cut all diplomatic ties with Iran")];
    const result = reanchor(seed.text, revised.text, anchors, { newBlocks: revised.blocks });
    expect(result.anchors[0]).toMatchObject({
      state: "anchored",
      method: "edited",
      ...rangeOf(revised.text, "US's drone strikes"),
    });
    expect(result.anchors[1]).toMatchObject({
      state: "anchored",
      method: "edited",
      ...rangeOf(revised.text, "cut all diplomatic and trade ties with Iran"),
    });
    const placed = result.anchors[1];
    if (placed.state !== "anchored") throw new Error("not placed");
    expect(placed.quote.exact).toBe("cut all diplomatic and trade ties with Iran");
    expect(revised.text).toContain(placed.quote.prefix + placed.quote.exact + placed.quote.suffix);
  });

  it("orphans an edited passage when the revision has a look-alike as close to the quote", () => {
    const quote = "cut all diplomatic ties with Iran";
    const revised = revise(
      ["cut all diplomatic ties with Iran", "cut all diplomatic and trade ties with Iran"],
      ["Earlier at the beginning", "They cut all diplomatic and trade ties with Iraq. Earlier at the beginning"],
    );
    expect(reanchor(seed.text, revised.text, [anchorOn(quote)]).anchors[0]).toMatchObject({ state: "orphaned" });
  });

  it("counts code points when emoji are inserted before the quotes", () => {
    const revised = revise(["Earlier at the beginning", "🇦🇱 Albania 🤝 Iran 😀 Earlier at the beginning"]);
    const anchors = [anchorOn("US’s drone strikes"), anchorOn("USA’s and NATO’s Condemnation")];
    const result = reanchor(seed.text, revised.text, anchors);
    result.anchors.forEach((placed, index) => {
      expect(placed).toMatchObject({ state: "anchored", change: "moved", start: anchors[index].position.start + 20 });
      if (placed.state === "anchored")
        expect(slicePoints(revised.text, placed.start, placed.end)).toBe(anchors[index].quote.exact);
    });
  });

  it("searches by quote alone for an anchor whose stored position no longer fits the old text", () => {
    const anchor = anchorOn("referred to as Roadsweep");
    const stale = { ...anchor, position: { start: 3, end: 20 } };
    const result = reanchor(seed.text, seed.text, [stale]);
    expect(result.anchors[0]).toMatchObject({
      state: "anchored",
      ...anchor.position,
      method: "exact",
      change: "moved",
    });
  });

  it("orphans a repeated word whose sentence was rewritten, never taking another occurrence", () => {
    const anchor = anchorOn("Iran", 20);
    expect(anchor.quote.prefix + anchor.quote.exact).toContain("bringing the Iran");
    const opening: [string, string] = ["Earlier at the beginning", "Opening.\n\nEarlier at the beginning"];
    const revised = revise(opening, [
      "with the intention of bringing the Iranian regime down",
      "to overthrow the government",
    ]);
    expect(reanchor(seed.text, revised.text, [anchor]).anchors[0]).toMatchObject({ state: "orphaned" });
    const unchanged = revise(opening);
    expect(reanchor(seed.text, unchanged.text, [anchor]).anchors[0]).toMatchObject({
      state: "anchored",
      method: "diff",
      ...nthRangeOf(unchanged.text, "Iran", 20),
    });
  });
});

describe("reanchor: a passage moved and edited beside a look-alike (issue 20)", () => {
  // The corpus's case: the sentence leaves its paragraph for a new one, a few words changed, and
  // the revision adds another sentence that resembles the quote less.
  const intro = "Our guidelines describe the community we want to build together.";
  const closing = "Reports reach the staff, who answer within two working days.";
  const oldText = [
    intro,
    "While we encourage maintainers to moderate their own projects on an individual basis, staff may act further.",
    "Impersonation is never allowed here.",
    closing,
  ].join("\n");
  const quote = "moderate their own projects on an";
  const anchor = () => describeAnchor(oldText, oldText.indexOf(quote), oldText.indexOf(quote) + quote.length);
  const place = (newText: string) => {
    const [result] = reanchor(oldText, newText, [anchor()]).anchors;
    return result.state === "anchored" ? newText.slice(result.start, result.end) : null;
  };

  it("follows it when the look-alike is clearly farther from the quote and from its context", () => {
    const newText = [
      intro,
      "Impersonation is never allowed here.",
      "Maintainers should say what they expect clearly, moderate their projects where possible, and ask for help.",
      "While we are passionate about empowering maintainers to moderate their own projects, please write to us.",
      closing,
    ].join("\n");
    expect(place(newText)).toMatch(/^moderate their own projects/);
  });

  it("orphans it when the look-alike is about as close, or sits in the quote's own context", () => {
    const asClose = [
      intro,
      "Impersonation is never allowed here.",
      "Maintainers should say what they expect clearly, moderate their own projects where possible.",
      "While we are passionate about empowering maintainers to moderate their own projects, please write to us.",
      closing,
    ].join("\n");
    expect(place(asClose)).toBeNull();
    const sameContext = [
      intro,
      "Impersonation is never allowed here.",
      "While we encourage maintainers to moderate their projects where possible, staff may act.",
      "While we are passionate about empowering maintainers to moderate their own projects, please write to us.",
      closing,
    ].join("\n");
    expect(place(sameContext)).toBeNull();
  });
});
