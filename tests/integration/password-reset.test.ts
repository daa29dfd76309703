import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { mailSettled } from "@/lib/mail/deliver-later";
import { listOutbox } from "@/lib/mail/send-mail";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { openSession, userOfSession } from "@/lib/users/sessions";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const newPassword = "a-brand-new-secret-7";

async function mailsTo(email: string) {
  await mailSettled(); // the link is stored and mailed after the answer (finding 9)
  return (await listOutbox(200)).filter((mail) => mail.to === email);
}

/** Asks for a reset link for `email` and returns the secret from the newest mail to it. */
async function resetTokenFor(email: string) {
  const before = (await mailsTo(email)).length;
  await requestPasswordReset(email);
  const mails = await mailsTo(email);
  expect(mails).toHaveLength(before + 1);
  const match = mails[0].text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/);
  expect(match, "the mail holds a reset link").not.toBeNull();
  return match![1];
}

describe("password reset", () => {
  it("mails a link to /reset-password that sets a new password once and ends every session", async () => {
    const { viewer, password } = await createTestUser({ name: "Forgetful", label: "reset" });
    const sessions = [await openSession(viewer.id), await openSession(viewer.id)];

    await requestPasswordReset(` ${viewer.email.toUpperCase()} `);
    const [mail] = await mailsTo(viewer.email);
    expect(mail.subject).toMatch(/reset/i);
    expect(mail.text).toContain("Hello Forgetful");
    expect(mail.text).toContain(`${siteUrl()}/reset-password?token=`);
    const token = mail.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)![1];

    // Only a hash of the secret is stored.
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: viewer.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).not.toContain(token);

    await resetPassword({ token, password: newPassword });
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
    await expectAppError(authenticateWithPassword({ email: viewer.email, password }, uniqueIp()), "unauthorized");
    for (const session of sessions) expect(await userOfSession(session)).toBeNull();

    const again = await expectAppError(resetPassword({ token, password: "yet-another-secret-8" }), "bad_request");
    expect(again.message).toMatch(/expired or was already used/);
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("lets a link be used only once, even by two requests at the same moment", async () => {
    const { viewer } = await createTestUser({ label: "race" });
    const token = await resetTokenFor(viewer.email);
    const outcomes = await Promise.allSettled([
      resetPassword({ token, password: "first-racer-pass-1" }),
      resetPassword({ token, password: "second-racer-pass-2" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [refused] = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused.reason).toMatchObject({ code: "bad_request" });
    const winner = outcomes[0].status === "fulfilled" ? "first-racer-pass-1" : "second-racer-pass-2";
    expect(await authenticateWithPassword({ email: viewer.email, password: winner }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("refuses a link used after its hour, and keeps the old password", async () => {
    const { viewer, password } = await createTestUser({ label: "late" });
    const token = await resetTokenFor(viewer.email);
    clock.advance(61 * 60_000);
    const error = await expectAppError(resetPassword({ token, password: newPassword }), "bad_request");
    expect(error.message).toMatch(/expired/);
    expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("accepts a link used within its hour", async () => {
    const { viewer } = await createTestUser({ label: "intime" });
    const token = await resetTokenFor(viewer.email);
    clock.advance(59 * 60_000);
    await resetPassword({ token, password: newPassword });
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("makes every other outstanding link of the account useless once one is used", async () => {
    const { viewer } = await createTestUser({ label: "two-links" });
    const first = await resetTokenFor(viewer.email);
    const second = await resetTokenFor(viewer.email);
    expect(first).not.toBe(second);
    await resetPassword({ token: second, password: newPassword });
    await expectAppError(resetPassword({ token: first, password: "attacker-chosen-99" }), "bad_request");
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("refuses a weak new password beside the field, without using up the link", async () => {
    const { viewer } = await createTestUser({ label: "weak" });
    const token = await resetTokenFor(viewer.email);
    const error = await expectAppError(resetPassword({ token, password: "password123" }), "bad_request");
    expect(error.fields?.password).toBeTruthy();
    await resetPassword({ token, password: newPassword });
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("refuses a malformed or unknown token", async () => {
    await expectAppError(resetPassword({ token: "short", password: newPassword }), "bad_request");
    await expectAppError(resetPassword({ token: "x".repeat(43), password: newPassword }), "bad_request");
    await expectAppError(resetPassword(null), "bad_request");
  });

  it("sends nothing and says nothing for an unknown email", async () => {
    const email = uniqueEmail("unknown");
    await expect(requestPasswordReset(email)).resolves.toBeUndefined();
    expect(await mailsTo(email)).toEqual([]);
  });

  it("sends nothing to a deleted account", async () => {
    const { viewer } = await createTestUser({ label: "deleted" });
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: new Date() } });
    await requestPasswordReset(viewer.email);
    expect(await mailsTo(viewer.email)).toEqual([]);
    expect(await db.passwordResetToken.count({ where: { userId: viewer.id } })).toBe(0);
  });

  it("refuses a malformed email beside the field", async () => {
    const error = await expectAppError(requestPasswordReset("not an email"), "bad_request");
    expect(error.fields?.email).toBeTruthy();
  });

  it("sends at most 3 links an hour to one address, quietly", async () => {
    const { viewer } = await createTestUser({ label: "flood" });
    for (let i = 0; i < 5; i++) await requestPasswordReset(viewer.email);
    expect(await mailsTo(viewer.email)).toHaveLength(3);
    clock.advance(61 * 60_000);
    await requestPasswordReset(viewer.email);
    expect(await mailsTo(viewer.email)).toHaveLength(4);
  });
});
