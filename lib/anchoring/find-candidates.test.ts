import { describe, expect, it } from "vitest";
import { seededRandom } from "../../tests/anchoring/support/long-article";
import { seed } from "../../tests/anchoring/support/seed-article";
import { findAll, findExactOccurrences } from "./find-exact-occurrences";
import { createFuzzySearch, maxQuoteErrors } from "./find-fuzzy-candidates";

describe("findExactOccurrences", () => {
  it("finds in one pass exactly what indexOf finds for each needle", () => {
    const random = seededRandom(7);
    const needles = [
      "Iran",
      "a",
      "the state of Albania",
      "aa",
      "Iranian Cyber-Attacks",
      "not in the text at all",
      "’s",
      "\nThe USA",
    ];
    for (let index = 0; index < 200; index++) {
      const start = Math.floor(random() * (seed.text.length - 60));
      needles.push(seed.text.slice(start, start + 1 + Math.floor(random() * 60)));
    }
    const found = findExactOccurrences(seed.text, needles);
    for (const needle of needles) expect(found.get(needle)).toEqual(findAll(seed.text, needle));
  });

  it("reports overlapping occurrences and handles texts shorter than its key", () => {
    expect(findExactOccurrences("aaaaaaaaaa", ["aaaaaaaa"]).get("aaaaaaaa")).toEqual([0, 1, 2]);
    expect(findExactOccurrences("short", ["shorter than text"]).get("shorter than text")).toEqual([]);
    expect(findAll("abc", "")).toEqual([]);
  });
});

describe("createFuzzySearch", () => {
  it("returns the best regions first, then the runners-up once the best are masked", () => {
    const text = "one: the quick brown fox. two: the quack brown fix. three: a slow green turtle.";
    const search = createFuzzySearch(text, "the quick brown fox", [{ start: 5, end: 24 }]);
    const first = search.next(maxQuoteErrors(19));
    expect(first.every((match) => match.errors === 2 && match.region === 0)).toBe(true);
    expect(text.slice(first[0].start, first[0].end)).toMatch(/qu.ck brown f.x/);
    const second = search.next(maxQuoteErrors(19));
    expect(second.every((match) => match.region >= 1 && match.errors > 2)).toBe(true);
  });

  it("finds nothing beyond the error budget", () => {
    const search = createFuzzySearch("entirely different words", "the quick brown fox");
    expect(search.next(2)).toEqual([]);
    expect(createFuzzySearch("", "x").next(5)).toEqual([]);
  });
});
