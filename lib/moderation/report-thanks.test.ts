import { describe, expect, it } from "vitest";
import { reportThanks } from "./report-thanks";

describe("reportThanks", () => {
  it("thanks a counted report plainly, and tells an unconfirmed reporter it does not count yet — for comments and notes alike", () => {
    expect(reportThanks("comment", true)).toBe("Thank you. The editorial board will look at it.");
    expect(reportThanks("note", true)).toBe("Thank you: the moderators will look at this note.");
    for (const what of ["comment", "note"] as const)
      expect(reportThanks(what, false)).toBe(
        `Thank you. The editorial board will see it; it counts towards hiding the ${what} once you confirm your e-mail address (see your account page).`,
      );
  });
});
