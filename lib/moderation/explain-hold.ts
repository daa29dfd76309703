// Why a contribution waits for a moderator, in words its author can read (pure; unit-tested).
// The comments and the annotations UI both use it, and so do their "held" messages. The
// moderators' own labels are in components/moderation/describe.ts. A moderation word is never
// named: telling it would teach spammers the list.

const firstContribution =
  "Your first contribution is reviewed by the editors before others see it; after one is approved, yours appear at once.";

/** One plain sentence per distinct reason, in the order stored; unknown codes get a general sentence. */
export function explainHold(reasons: readonly string[], linkHoldThreshold: number): string[] {
  const sentences = reasons.map((code) => {
    if (code === "first_comment") return firstContribution;
    if (code === "unconfirmed")
      return "It waits until you confirm your e-mail address: open the link we sent you (your account page sends a new one).";
    if (code === "links")
      return linkHoldThreshold > 0 ? `It contains ${linkHoldThreshold} or more links.` : "It contains several links.";
    if (code.startsWith("word:")) return "It contains a word the editors review.";
    if (/^reported:\d+$/.test(code)) return "Readers reported it, so the editors are looking at it again.";
    if (code === "all_held") return "The editors review every contribution at the moment.";
    if (code === "banned_author") return "It was posted while your account was banned.";
    if (code === "manual") return "A moderator asked for it to be reviewed.";
    return "The editors review it before others see it.";
  });
  const unique = [...new Set(sentences)];
  return unique.length ? unique : ["The editors review it before others see it."];
}

/** The message after posting something that is held: what happens, then why. */
export function heldMessage(reasons: readonly string[], linkHoldThreshold: number): string {
  // Held only until the address is confirmed: no moderator is waited for.
  if (reasons.length > 0 && reasons.every((code) => code === "unconfirmed"))
    return "Saved. Others will see it once you confirm your e-mail address: open the link we sent you (your account page sends a new one).";
  return `Saved. Others will see it once a moderator approves it. ${explainHold(reasons, linkHoldThreshold).join(" ")}`;
}
