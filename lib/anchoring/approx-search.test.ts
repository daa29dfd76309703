import approxStringMatch from "approx-string-match";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../tests/anchoring/support/long-article";
import { seed } from "../../tests/anchoring/support/seed-article";
import { approxSearch, createMaskedSearch, MASK, maskSpans, type Span } from "./approx-search";

// approx-search.ts must answer exactly as approx-string-match (which anchoring used before, and
// whose answers the corpus and rewording benches were tuned on): the same matches, starts, error
// counts and order, for every pattern length (one block of 32 and several, on both sides of a
// block's end), error budget (negative, zero, over the pattern's length) and alphabet.

const ALPHABETS = ["ab", "abc ", "the quick brown fox jumps\n", "aé’😀 b"];

function randomString(random: () => number, alphabet: string, length: number): string {
  const units = [...alphabet];
  let text = "";
  while (text.length < length) text += units[Math.floor(random() * units.length)];
  return text;
}

// A pattern: a stretch of the text, edited a little (so there are good matches), or random.
function randomPattern(random: () => number, text: string, alphabet: string): string {
  const length = [1, 5, 31, 32, 33, 63, 64, 65, 100, 130][Math.floor(random() * 10)];
  if (random() < 0.3 || text.length <= length) return randomString(random, alphabet, length);
  const start = Math.floor(random() * (text.length - length));
  const units = text.slice(start, start + length).split("");
  for (let edits = Math.floor(random() * (length / 4 + 1)); edits > 0; edits--) {
    const at = Math.floor(random() * units.length);
    const roll = random();
    if (roll < 0.33) units.splice(at, 1);
    else if (roll < 0.66) units.splice(at, 0, randomString(random, alphabet, 1));
    else units[at] = randomString(random, alphabet, 1);
  }
  return units.join("") || "a";
}

const reference = (text: string, pattern: string, maxErrors: number) => approxStringMatch(text, pattern, maxErrors);

// The regions a round found (overlapping matches merged), as createFuzzySearch masks them.
function regionsOf(matches: readonly { start: number; end: number }[]): Span[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Span[] = [];
  for (const match of sorted) {
    const last = spans[spans.length - 1];
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else spans.push({ start: match.start, end: match.end });
  }
  return spans;
}

describe("approxSearch", () => {
  it("answers exactly as approx-string-match on random texts and patterns", () => {
    const random = seededRandom(2026);
    for (let run = 0; run < 400; run++) {
      const alphabet = ALPHABETS[run % ALPHABETS.length];
      const text = randomString(random, alphabet, Math.floor(random() * 600));
      const pattern = randomPattern(random, text, alphabet);
      const maxErrors = Math.floor(random() * (pattern.length + 3)) - 1;
      expect(approxSearch(text, pattern, maxErrors), `run ${run}`).toEqual(reference(text, pattern, maxErrors));
    }
  });

  it("answers exactly as approx-string-match for edited quotes of a real article", () => {
    const random = seededRandom(20);
    const text = seed.text;
    for (let run = 0; run < 200; run++) {
      const pattern = randomPattern(random, text, "etaoin shrdlu");
      const maxErrors = Math.floor(pattern.length * [0, 0.1, 0.3, 0.5][run % 4]);
      expect(approxSearch(text, pattern, maxErrors), `run ${run}`).toEqual(reference(text, pattern, maxErrors));
      // The same through a masked search's first round, which looks near the pattern's pieces first.
      expect(createMaskedSearch(text, pattern).best(maxErrors), `run ${run}`).toEqual(
        reference(text, pattern, maxErrors),
      );
    }
  });

  it("handles the edges: empty text or pattern, no match, a match at each end", () => {
    expect(approxSearch("", "abc", 1)).toEqual(reference("", "abc", 1));
    expect(approxSearch("abc", "", 1)).toEqual([]);
    expect(approxSearch("xyz", "abc", 0)).toEqual([]);
    expect(approxSearch("abcxxxxabd", "abc", 1)).toEqual(reference("abcxxxxabd", "abc", 1));
    expect(approxSearch("abcxxxxabd", "abc", 1)[0]).toEqual({ start: 0, end: 3, errors: 0 });
  });
});

describe("createMaskedSearch", () => {
  it("answers each round as approxSearch on the text with the earlier rounds' regions masked", () => {
    const random = seededRandom(99);
    let multiRound = 0;
    for (let run = 0; run < 300; run++) {
      const alphabet = ALPHABETS[run % ALPHABETS.length];
      const text =
        run % 5 === 0 ? seed.text.slice(0, 3000) : randomString(random, alphabet, 50 + Math.floor(random() * 700));
      const pattern = randomPattern(random, text, alphabet);
      const search = createMaskedSearch(text, pattern);
      let masked = text;
      // Exact occurrences are masked before the first round, as rankCandidates does.
      if (run % 3 === 0) {
        const at = text.indexOf(pattern.slice(0, 3));
        if (at !== -1) {
          const spans = [{ start: at, end: Math.min(text.length, at + pattern.length) }];
          search.mask(spans);
          masked = maskSpans(masked, spans);
        }
      }
      for (let round = 0; round < 6; round++) {
        // Budgets go down, stay, or go up between rounds (rankCandidates moves its target).
        const maxErrors = Math.floor(pattern.length * (0.2 + random() * 0.3)) + 1 - (round === 3 ? 2 : 0);
        const limit = random() < 0.2 ? 1 + Math.floor(random() * 3) : Infinity;
        const expected = reference(masked, pattern, maxErrors).slice(0, limit);
        const found = search.best(maxErrors, limit);
        expect(found, `run ${run} round ${round}`).toEqual(expected);
        expect(search.text).toBe(masked);
        if (found.length === 0) break;
        if (round > 0) multiRound++;
        const spans = regionsOf(found);
        search.mask(spans);
        masked = maskSpans(masked, spans);
      }
    }
    expect(multiRound, "rounds after the first").toBeGreaterThan(150);
  });

  it("masks with a character no quote contains", () => {
    expect(maskSpans("abcdef", [{ start: 1, end: 3 }])).toBe(`a${MASK}${MASK}def`);
  });
});
