import { describe, expect, it, vi } from "vitest";
import { viewerOf } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/deliver-later";
import { defaultSettings } from "@/lib/settings/get-settings";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { confirmAddressLink, pendingEmailChange, requestEmailChange } from "@/lib/users/change-email";
import { checkConfirmLink } from "@/lib/users/email-confirmation";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { signUp } from "@/lib/users/sign-up";
import { insertArticle } from "../seed/articles";
import { withSettings } from "../seed/settings";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { defaultPassword, member } from "../seed/users";
import { expectAppError } from "./helpers";

// Issue 13: changing one's e-mail address requires confirming the new one; the old address stays
// on the account until then. The mail server is stood in for by a list (the database stays real).
const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/send-mail", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/mail/send-mail")>()),
  sendMail: async (mail: { to: string; subject: string; text: string }) => {
    sent.push(mail);
  },
}));

async function mailsTo(email: string) {
  await mailSettled();
  return sent.filter((m) => m.to === email);
}

async function linkSentTo(email: string): Promise<string> {
  const mail = (await mailsTo(email)).at(-1);
  expect(mail, `a mail to ${email}`).toBeDefined();
  expect(mail!.subject).toMatch(/Confirm your new e-mail address/);
  const token = /\/confirm-email\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

const addressOf = async (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { email: true, emailConfirmed: true } });

describe("changing the e-mail address confirms the new one first", () => {
  it("keeps the old address until the link mailed to the new one is used; then moves the account and tells the old address", async () => {
    const me = await member("commenter");
    const next = uniqueEmail("moved");
    expect(await requestEmailChange(me, { email: next.toUpperCase(), password: defaultPassword })).toEqual({
      pending: next,
    });
    // Nothing changed yet: the account signs in and is mailed at its old address.
    expect(await addressOf(me.id)).toEqual({ email: me.email, emailConfirmed: true });
    expect(await pendingEmailChange(me)).toBe(next);
    expect(await authenticateWithPassword({ email: me.email, password: defaultPassword }, uniqueIp())).toMatchObject({
      id: me.id,
    });
    const token = await linkSentTo(next);
    expect(await db.verificationToken.count({ where: { token } })).toBe(0); // stored hashed
    expect(await checkConfirmLink(token)).toBe("valid");

    expect(await confirmAddressLink(token)).toEqual({ email: next, released: 0, changed: true });
    expect(await addressOf(me.id)).toEqual({ email: next, emailConfirmed: true });
    expect(await pendingEmailChange(me)).toBeNull();
    expect(await authenticateWithPassword({ email: next, password: defaultPassword }, uniqueIp())).toMatchObject({
      id: me.id,
    });
    const notice = (await mailsTo(me.email)).at(-1);
    expect(notice?.subject).toMatch(/was changed/);
    expect(notice?.text).toContain(next);
    // Once only.
    expect(await checkConfirmLink(token)).toBe("used");
    await expectAppError(confirmAddressLink(token), "conflict");
  });

  it("refuses a wrong password, the same address and one another account uses — storing and mailing nothing", async () => {
    const me = await member("commenter");
    const other = await member("commenter");
    const next = uniqueEmail("refused");
    const wrong = await expectAppError(
      requestEmailChange(me, { email: next, password: "not-my-password" }),
      "bad_request",
    );
    expect(wrong.fields).toHaveProperty("password");
    expect(
      (await expectAppError(requestEmailChange(me, { email: me.email, password: defaultPassword }), "bad_request"))
        .fields,
    ).toHaveProperty("email");
    await expectAppError(requestEmailChange(me, { email: other.email, password: defaultPassword }), "conflict");
    await expectAppError(requestEmailChange(me, { email: "not an address", password: defaultPassword }), "bad_request");
    await expectAppError(requestEmailChange(null, { email: next, password: defaultPassword }), "unauthorized");
    expect(await pendingEmailChange(me)).toBeNull();
    expect(await db.verificationToken.count({ where: { identifier: { contains: me.id } } })).toBe(0);
    expect(await mailsTo(next)).toEqual([]);
    expect(await addressOf(me.id)).toEqual({ email: me.email, emailConfirmed: true });
  });

  it("only the latest request's link works; an expired one, or an address taken meanwhile, changes nothing", async () => {
    const me = await member("commenter");
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await requestEmailChange(me, { email: first, password: defaultPassword });
    const firstLink = await linkSentTo(first);
    await requestEmailChange(me, { email: second, password: defaultPassword });
    const secondLink = await linkSentTo(second);
    expect(await pendingEmailChange(me)).toBe(second);
    expect(await checkConfirmLink(firstLink)).toBe("unknown");
    await expectAppError(confirmAddressLink(firstLink), "bad_request");
    expect(await addressOf(me.id)).toMatchObject({ email: me.email });

    // Someone else takes the address before the link is used: the account keeps its own.
    const taker = await signUp({ name: "Taker", email: second, password: "a-fine-password-1" }, uniqueIp());
    await expectAppError(confirmAddressLink(secondLink), "conflict");
    expect(await addressOf(me.id)).toMatchObject({ email: me.email });
    expect(await addressOf(taker.id)).toMatchObject({ email: second });

    const third = uniqueEmail("third");
    await requestEmailChange(me, { email: third, password: defaultPassword });
    const late = await linkSentTo(third);
    clock.advance(defaultSettings.emailConfirmationTtlMs + 1_000);
    expect(await checkConfirmLink(late)).toBe("expired");
    await expectAppError(confirmAddressLink(late), "bad_request");
    expect(await addressOf(me.id)).toMatchObject({ email: me.email });
  });

  it("is limited per account, like sending the confirmation link again", async () => {
    const me = await member("commenter");
    for (let i = 0; i < defaultSettings.emailConfirmationLimit.limit; i++)
      await requestEmailChange(me, { email: uniqueEmail("many"), password: defaultPassword });
    await expectAppError(
      requestEmailChange(me, { email: uniqueEmail("too-many"), password: defaultPassword }),
      "rate_limited",
    );
  });

  it("an unconfirmed sign-up that mistyped its address moves to the right one: confirmed, its held comment shown, the old address's links void", async () => {
    const { slug } = await insertArticle();
    const typo = uniqueEmail("typo");
    const password = "a-fine-password-1";
    const user = await signUp({ name: "Typo", email: typo, password }, uniqueIp());
    const me = viewerOf({ ...user, email: typo });
    clock.advance(defaultSettings.floodIntervalMs + 1_000);
    // Held for the address alone (no first-contribution hold): confirming the new address shows it.
    const { comment, held } = await withSettings({ holdFirstContribution: false }, () =>
      createComment(me, slug, { body: "Waiting for my address." }),
    );
    expect(held).toBe(true);
    await mailSettled();
    const oldLink = /\/confirm-email\?token=([A-Za-z0-9_-]+)/.exec(sent.filter((m) => m.to === typo).at(-1)!.text)![1];
    await requestPasswordReset(typo);
    await mailSettled();
    expect(await db.passwordResetToken.count({ where: { userId: me.id } })).toBe(1);

    const right = uniqueEmail("right");
    await requestEmailChange(me, { email: right, password });
    expect(await confirmAddressLink(await linkSentTo(right))).toEqual({ email: right, released: 1, changed: true });
    expect(await addressOf(me.id)).toEqual({ email: right, emailConfirmed: true });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true } })).toEqual({
      status: "approved",
    });
    // Links mailed to the old address no longer stand for the account.
    expect(await checkConfirmLink(oldLink)).toBe("unknown");
    expect(await db.passwordResetToken.count({ where: { userId: me.id } })).toBe(0);
  });
});
