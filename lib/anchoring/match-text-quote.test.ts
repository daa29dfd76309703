import { describe, expect, it } from "vitest";
import { nthRangeOf, rangeOf, seed } from "../../tests/anchoring/support/seed-article";
import { matchTextQuote } from "./match-text-quote";

describe("matchTextQuote (selectors posted by clients)", () => {
  it("finds a quote that occurs once, in code points", () => {
    expect(matchTextQuote(seed.text, { exact: "US’s drone strikes", prefix: "", suffix: "" })).toEqual({
      state: "found",
      ...rangeOf(seed.text, "US’s drone strikes"),
    });
    expect(matchTextQuote("😀 a 😀 b", { exact: "b", prefix: "😀 ", suffix: "" })).toEqual({
      state: "found",
      start: 6,
      end: 7,
    });
  });

  it("singles out a repeated quote by its prefix or suffix", () => {
    const { start, end } = nthRangeOf(seed.text, "Iran", 1);
    const prefix = seed.text.slice(start - 12, start);
    expect(matchTextQuote(seed.text, { exact: "Iran", prefix, suffix: "" })).toEqual({ state: "found", start, end });
  });

  it("reports a quote the context does not single out, and one that is not there", () => {
    expect(matchTextQuote(seed.text, { exact: "Iran", prefix: "", suffix: " " })).toMatchObject({ state: "ambiguous" });
    expect(matchTextQuote(seed.text, { exact: "Tehran", prefix: "", suffix: "" })).toEqual({ state: "absent" });
    expect(matchTextQuote(seed.text, { exact: "Roadsweep", prefix: "not this ", suffix: "" })).toEqual({
      state: "absent",
    });
    expect(matchTextQuote(seed.text, { exact: "", prefix: "", suffix: "" })).toEqual({ state: "absent" });
  });
});
