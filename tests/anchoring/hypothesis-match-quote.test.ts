import { describe, expect, it } from "vitest";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { resolveAnchor } from "@/lib/anchoring/resolve-anchor";
import { hypothesisMatchQuote } from "./hypothesis-match-quote";
import { rangeOf, revise, seed } from "./support/seed-article";

describe("hypothesisMatchQuote (the baseline)", () => {
  it("prefers exact occurrences and ranks them by context", () => {
    const text = "the cat sat. a dog sat. the cat ran.";
    const second = hypothesisMatchQuote(text, { exact: "the cat", prefix: "a dog sat. ", suffix: " ran." });
    expect(second).toMatchObject({ start: 24, end: 31 });
    expect(second!.score).toBeCloseTo((50 + 20 + 20 + 2) / 92, 5);
  });

  it("uses the position hint as a tie-breaker", () => {
    const text = "same words here. same words here. same words here.";
    expect(hypothesisMatchQuote(text, { exact: "same words", prefix: "", suffix: "" }, 34)).toMatchObject({
      start: 34,
    });
  });

  it("falls back to approximate matches with up to half the quote's length in errors", () => {
    const text = "Iran violated the sovereignty of the state of Albania repeatedly.";
    expect(hypothesisMatchQuote(text, { exact: "the soverignty of the stat", prefix: "", suffix: "" })).toMatchObject({
      start: 14,
    });
    expect(hypothesisMatchQuote(text, { exact: "completely unrelated words", prefix: "", suffix: "" })).toBeNull();
    expect(hypothesisMatchQuote(text, { exact: "", prefix: "", suffix: "" })).toBeNull();
  });

  it("takes a look-alike passage after the quoted one was deleted, where Gloss orphans", () => {
    const quote = "Albania being a member of NATO and an ally of U.S.A";
    const { start, end } = rangeOf(seed.text, quote);
    const revised = revise([seed.blocks[6].text, "Albania hosted the group."]);
    const selector = {
      exact: quote,
      prefix: seed.text.slice(start - 32, start),
      suffix: seed.text.slice(end, end + 32),
    };
    const match = hypothesisMatchQuote(revised.text, selector, start);
    const lookAlike = revised.text.indexOf("However, Albania being a member of NATO and an ally of the USA") + 9;
    expect(match!.start).toBe(lookAlike);
    expect(resolveAnchor(revised.text, describeAnchor(seed.text, start, end))).toMatchObject({ state: "orphaned" });
  });
});
