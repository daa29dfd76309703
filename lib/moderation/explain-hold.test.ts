import { describe, expect, it } from "vitest";
import { explainHold, heldMessage } from "./explain-hold";

describe("explainHold", () => {
  it("explains each stored code in plain words", () => {
    expect(explainHold(["first_comment"], 2)).toEqual([
      "Your first contribution is reviewed by the editors before others see it; after one is approved, yours appear at once.",
    ]);
    expect(explainHold(["links"], 3)).toEqual(["It contains 3 or more links."]);
    expect(explainHold(["all_held"], 2)).toEqual(["The editors review every contribution at the moment."]);
    expect(explainHold(["reported:3"], 2)[0]).toMatch(/reported/);
    expect(explainHold(["banned_author"], 2)[0]).toMatch(/banned/);
    expect(explainHold(["manual"], 2)[0]).toMatch(/moderator/);
  });

  it("never names the moderation word, and says it once however many matched", () => {
    const words = explainHold(["word:casino", "word:loan"], 2);
    expect(words).toEqual(["It contains a word the editors review."]);
    expect(words.join(" ")).not.toMatch(/casino|loan/);
  });

  it("keeps the stored order and falls back to a general sentence", () => {
    expect(explainHold(["word:x", "links", "first_comment"], 2)).toHaveLength(3);
    expect(explainHold(["links", "all_held"], 2)[0]).toBe("It contains 2 or more links.");
    expect(explainHold([], 2)).toEqual(["The editors review it before others see it."]);
    expect(explainHold(["something_new"], 2)).toEqual(["The editors review it before others see it."]);
  });
});

describe("heldMessage", () => {
  it("says what happens, then why", () => {
    expect(heldMessage(["all_held"], 2)).toBe(
      "Saved. Others will see it once a moderator approves it. The editors review every contribution at the moment.",
    );
  });
  it("an item held only for an unconfirmed address waits for the confirmation, not a moderator", () => {
    expect(heldMessage(["unconfirmed"], 2)).toBe(
      "Saved. Others will see it once you confirm your e-mail address: open the link we sent you (your account page sends a new one).",
    );
    expect(heldMessage(["unconfirmed", "first_comment"], 2)).toMatch(
      /^Saved\. Others will see it once a moderator approves it\. It waits until you confirm your e-mail address.*Your first contribution/,
    );
  });
});
