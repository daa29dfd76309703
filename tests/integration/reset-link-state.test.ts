import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { checkResetLink, resetPassword } from "@/lib/users/password-reset";
import { createTestUser } from "../seed/users";

// Issue 18, item 13: a used reset link says so instead of showing the form again.
async function linkFor(userId: string, expiresInMs = 60 * 60_000) {
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: {
      userId,
      tokenHash: crypto.createHash("sha256").update(secret).digest("hex"),
      expiresAt: new Date(clock.now().getTime() + expiresInMs),
    },
  });
  return secret;
}

describe("checkResetLink", () => {
  it("tells a fresh link from a used, an expired and an unknown one, and changes nothing", async () => {
    const { viewer } = await createTestUser({ label: "reset-state" });
    const fresh = await linkFor(viewer.id);
    const expired = await linkFor(viewer.id, -1_000);
    expect(await checkResetLink(fresh)).toBe("valid");
    expect(await checkResetLink(fresh)).toBe("valid"); // looking does not use it up
    expect(await checkResetLink(expired)).toBe("expired");
    for (const bad of ["x".repeat(43), "", "short", 42, null, "y".repeat(500)])
      expect(await checkResetLink(bad)).toBe("unknown");

    await resetPassword({ token: fresh, password: `a-new-password-${crypto.randomBytes(4).toString("hex")}` });
    expect(await checkResetLink(fresh)).toBe("used");
  });
});
