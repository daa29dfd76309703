import { describe, expect, it } from "vitest";
import { seededRandom } from "../../tests/anchoring/support/long-article";
import {
  generateRewordings,
  placeRewording,
  REWORDING_KINDS,
  scoreRewordings,
} from "../../tests/anchoring/support/score-rewordings";
import { seed } from "../../tests/anchoring/support/seed-article";

// Generated rewordings of passages of the seed article (random-revision.ts): each kind of edit
// seen in real revisions, with and without typographic changes, and look-alike traps. Followable
// ones must land on their own passage or be orphaned — never elsewhere; traps must be orphaned.
describe("generated rewordings of the seed article", () => {
  const cases = generateRewordings(seed.text, seededRandom(2026), 12);
  const score = scoreRewordings(cases);

  it("generates every kind, with the outcome each must have", () => {
    expect(cases).toHaveLength(12 * REWORDING_KINDS.length);
    expect(new Set(cases.map((rewording) => rewording.kind))).toEqual(new Set(REWORDING_KINDS));
    expect(cases.some((rewording) => rewording.typographic && rewording.kind !== "typographic")).toBe(true);
    const trap = cases.find((rewording) => rewording.kind === "deleted-near-copy")!;
    expect(trap.expect).toBe("orphan");
    expect(trap.revision.text).not.toContain(trap.oldText.slice(trap.from, trap.to));
  });

  it("never misplaces one, and follows nearly all followable ones", () => {
    expect(
      score.misplacements.map(
        (rewording) => `${rewording.kind}: ${rewording.oldText.slice(rewording.from, rewording.to)}`,
      ),
    ).toEqual([]);
    expect(score.followable.misplaced).toBe(0);
    expect(score.followable.followed).toBeGreaterThanOrEqual(0.9 * score.followable.cases);
  });

  it("orphans every look-alike trap", () => {
    expect(score.traps).toMatchObject({ misplaced: 0, orphaned: score.traps.cases });
  });

  it("follows every typographic-only change exactly onto the changed text", () => {
    for (const rewording of cases.filter((entry) => entry.kind === "typographic")) {
      const placed = placeRewording(rewording);
      expect(placed).not.toBeNull();
      const text = rewording.revision.text.slice(placed!.start, placed!.end);
      expect(
        text
          .replace(/[\u00ad]/g, "")
          .replace(/\u00a0/g, " ")
          .replace(/[’‘]/g, "'")
          .replace(/–/g, "-")
          .replace(/[“”]/g, '"'),
      ).toBe(rewording.oldText.slice(rewording.from, rewording.to).replace(/[’‘]/g, "'").replace(/[“”]/g, '"'));
    }
  });
});
