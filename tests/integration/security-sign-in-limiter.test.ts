import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/deliver-later";
import { listOutbox } from "@/lib/mail/send-mail";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { withSetting } from "../seed/settings";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// Finding 8: a success took a failure off the per-IP counter (alternate with your own account to
// guess without limit), and six wrong passwords locked the owner out again and again.

describe("finding 8: the sign-in limiter", () => {
  it("counts failures apart from successes: signing in to one's own account between guesses buys no extra guess", async () => {
    await withSetting("signInIpLimit", { limit: 3, windowMs: 60_000 }, async () => {
      const { viewer: mine, password } = await createTestUser({ label: "attacker" });
      const ip = uniqueIp();
      for (let i = 0; i < 2; i++) {
        await expectAppError(
          authenticateWithPassword({ email: uniqueEmail(`victim${i}`), password: "guess-guess-1" }, ip),
          "unauthorized",
        );
        expect(await authenticateWithPassword({ email: mine.email, password }, ip)).toMatchObject({ id: mine.id });
      }
      await expectAppError(
        authenticateWithPassword({ email: uniqueEmail("victim2"), password: "guess-guess-1" }, ip),
        "unauthorized",
      );
      // Three failures from this IP: the fourth guess is refused unchecked, successes in between notwithstanding.
      await expectAppError(
        authenticateWithPassword({ email: uniqueEmail("victim"), password: "guess-guess-1" }, ip),
        "rate_limited",
      );
      const failures = await db.rateLimit.findUnique({ where: { key: `signin:ip:${ip}` } });
      expect(failures?.count).toBe(3);
      expect((await db.rateLimit.findUnique({ where: { key: `signin:ok:ip:${ip}` } }))?.count).toBe(2);
    });
  });

  it("lets the owner of a locked account back in through the reset link, at once", async () => {
    const { viewer } = await createTestUser({ label: "victim" });
    for (let i = 0; i < 6; i++)
      await authenticateWithPassword({ email: viewer.email, password: `wrong-guess-${i}` }, uniqueIp()).catch(() => {});
    await expectAppError(
      authenticateWithPassword({ email: viewer.email, password: "any-password-1" }, uniqueIp()),
      "rate_limited",
    );

    await requestPasswordReset(viewer.email);
    await mailSettled();
    const [mail] = (await listOutbox(200)).filter((m) => m.to === viewer.email);
    const token = mail.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)![1];
    const newPassword = "back-in-after-lockout-9";
    expect(await resetPassword({ token, password: newPassword })).toEqual({ email: viewer.email });
    // No waiting out the window: the lock is gone for the owner.
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });
});
