import { describe, expect, it } from "vitest";
import { groupNotifications, groupSummary } from "./group-notifications";

const a = { slug: "a", title: "A" },
  b = { slug: "b", title: "B" };
const n = (id: string, type: "reply" | "comment" | "approved" | "review", article: typeof a | null, read = false) => ({
  id,
  type,
  read,
  article,
  actor: { name: `P${id}` },
  excerpt: "",
});

describe("groupNotifications", () => {
  it("folds consecutive comments on one article into one line", () => {
    const groups = groupNotifications([
      n("1", "comment", a),
      n("2", "comment", a),
      n("3", "comment", a),
      n("4", "comment", b),
    ]);
    expect(groups.map((g) => g.items.length)).toEqual([3, 1]);
    expect(groupSummary(groups[0])).toBe("3 new comments on “A”");
    expect(groupSummary(groups[1])).toBe("P4 commented on “B”");
  });
  it("keeps kinds, read states and interruptions apart", () => {
    const groups = groupNotifications([
      n("1", "comment", a),
      n("2", "reply", a),
      n("3", "comment", a),
      n("4", "comment", a, true),
      n("5", "approved", a),
      n("6", "approved", a),
    ]);
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([["1"], ["2"], ["3"], ["4"], ["5"], ["6"]]);
  });
  it("says what each kind is", () => {
    expect(groupSummary(groupNotifications([n("1", "reply", a)])[0])).toBe("P1 replied to you on “A”");
    expect(groupSummary(groupNotifications([n("1", "reply", a), n("2", "reply", a)])[0])).toBe(
      "2 replies to you on “A”",
    );
    expect(groupSummary(groupNotifications([n("1", "approved", null)])[0])).toBe(
      "Your contribution on an article was approved and is now visible",
    );
  });
});
