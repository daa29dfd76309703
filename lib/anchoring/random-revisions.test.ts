import { describe, expect, it } from "vitest";
import { hypothesisMatchQuote } from "../../tests/anchoring/hypothesis-match-quote";
import { seededRandom } from "../../tests/anchoring/support/long-article";
import { landsOnOwnPassage, randomRevision } from "../../tests/anchoring/support/random-revision";
import { seed } from "../../tests/anchoring/support/seed-article";
import { describeAnchor } from "./describe-anchor";
import { reanchor } from "./reanchor";
import { createResolver } from "./resolve-anchor";

// 150 random revisions of the seed article (deletions, insertions, typo fixes, moved
// paragraphs; the seed has no astral characters, so offsets are the same in both units), 10
// anchors of 1–12 words on each: every placement must be on the anchor's own passage.
describe("random revisions of the seed article", () => {
  const random = seededRandom(2024);
  const words = [...seed.text.matchAll(/\S+/g)];
  const cases = Array.from({ length: 150 }, () => {
    const revision = randomRevision(seed.text, random);
    const anchors = Array.from({ length: 10 }, () => {
      const first = Math.floor(random() * words.length);
      const last = Math.min(words.length - 1, first + Math.floor(random() * 12));
      return describeAnchor(seed.text, words[first].index, words[last].index + words[last][0].length);
    });
    return { revision, anchors };
  });

  const tally = (
    place: (text: string, anchors: (typeof cases)[number]["anchors"]) => ({ start: number; end: number } | null)[],
  ) => {
    const counts = { placed: 0, orphaned: 0, misplaced: 0 };
    for (const { revision, anchors } of cases) {
      place(revision.text, anchors).forEach((placed, index) => {
        const { start, end } = anchors[index].position;
        if (!placed) counts.orphaned++;
        else if (landsOnOwnPassage(revision, start, end, placed.start, placed.end)) counts.placed++;
        else counts.misplaced++;
      });
    }
    return counts;
  };

  it("reanchor never misplaces an anchor and places most", () => {
    const counts = tally((text, anchors) =>
      reanchor(seed.text, text, anchors).anchors.map((result) => (result.state === "anchored" ? result : null)),
    );
    expect(counts.misplaced).toBe(0);
    expect(counts.placed).toBeGreaterThan(0.95 * 1500);
    // 1,500 anchors through 100 revisions: about 1.5 s on a quiet machine, more on a busy one.
  }, 30_000);

  it("resolveAnchor alone never misplaces an anchor", () => {
    const counts = tally((text, anchors) =>
      createResolver(text)
        .resolveAll(anchors)
        .map((result) => (result.state === "anchored" ? result : null)),
    );
    expect(counts.misplaced).toBe(0);
    expect(counts.placed).toBeGreaterThan(0.9 * 1500);
  });

  it("the Hypothesis baseline misplaces some on the same revisions", () => {
    const counts = tally((text, anchors) =>
      anchors.map(({ quote, position }) => {
        if (text.slice(position.start, position.end) === quote.exact) return position;
        return hypothesisMatchQuote(text, quote, position.start);
      }),
    );
    expect(counts.misplaced).toBeGreaterThan(0);
  });
});
