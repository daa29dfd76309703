import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/deliver-later";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { uniqueEmail } from "../seed/unique";
import { createTestUser } from "../seed/users";

// Finding 9: forgot-password's answer time and SMTP errors revealed whether an account exists.
// The SMTP server is stood in for by a slow one that fails (the database stays real).
const smtp = vi.hoisted(() => ({ started: 0, finished: 0 }));
vi.mock("@/lib/mail/send-mail", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/mail/send-mail")>()),
  sendMail: async () => {
    smtp.started++;
    await new Promise((r) => setTimeout(r, 300));
    smtp.finished++;
    throw new Error("421 SMTP service not available");
  },
}));

describe("finding 9: forgot-password does not reveal whether an account exists", () => {
  it("answers the same, without waiting for SMTP, for a known and an unknown address; a failing SMTP is logged, not reported", async () => {
    const { viewer } = await createTestUser({ label: "forgetful" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(requestPasswordReset(viewer.email)).resolves.toBeUndefined();
      // The answer came before the SMTP conversation ended (it had not even started, or was under way).
      expect(smtp.finished).toBe(0);
      await expect(requestPasswordReset(uniqueEmail("nobody"))).resolves.toBeUndefined();
      expect(smtp.finished).toBe(0);
      await mailSettled();
      expect(smtp.started).toBe(1); // only the real account was mailed
      expect(smtp.finished).toBe(1);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/password reset failed: 421/));
      // The link was stored before the mail was tried.
      expect(await db.passwordResetToken.count({ where: { userId: viewer.id } })).toBe(1);
    } finally {
      logged.mockRestore();
    }
  });
});
