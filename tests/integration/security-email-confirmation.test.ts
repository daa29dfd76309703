import { describe, expect, it, vi } from "vitest";
import { reportAnnotation } from "@/lib/annotations/report-annotation";
import { viewerOf } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/deliver-later";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { heldMessage } from "@/lib/moderation/explain-hold";
import { getArticlePersonal } from "@/lib/personal/get-article-personal";
import { defaultSettings } from "@/lib/settings/get-settings";
import { createUser } from "@/lib/users/create-user";
import { checkConfirmLink, confirmEmail, resendConfirmationLink } from "@/lib/users/email-confirmation";
import { signUp } from "@/lib/users/sign-up";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { established, member } from "../seed/users";
import { expectAppError } from "./helpers";

// Finding 5, its last part: a new account's contributions and reports count only once its e-mail
// address is confirmed. The mail server is stood in for by a list (the database stays real).
const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/send-mail", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/mail/send-mail")>()),
  sendMail: async (mail: { to: string; subject: string; text: string }) => {
    sent.push(mail);
  },
}));

/** Signs up through the sign-up page's path and returns the viewer and the link mailed to them. */
async function signedUp(label = "newcomer") {
  const email = uniqueEmail(label);
  const user = await signUp({ name: "New Comer", email, password: "a-fine-password-1" }, uniqueIp());
  const viewer = viewerOf(user);
  return { viewer, token: await linkSentTo(email) };
}

async function linkSentTo(email: string): Promise<string> {
  await mailSettled();
  const mail = sent.filter((m) => m.to === email).at(-1);
  expect(mail, `a confirmation mail to ${email}`).toBeDefined();
  expect(mail!.subject).toMatch(/Confirm your e-mail address/);
  const token = /\/confirm-email\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

const confirmed = async (id: string) =>
  await db.user.findUniqueOrThrow({ where: { id }, select: { emailConfirmed: true, emailVerified: true } });

describe("finding 5: e-mail confirmation before a sign-up's contributions count", () => {
  it("a sign-up starts unconfirmed and is mailed a link; accounts an admin makes (gloss user:create) are confirmed", async () => {
    const { viewer, token } = await signedUp();
    expect(await confirmed(viewer.id)).toMatchObject({ emailConfirmed: false, emailVerified: null });
    expect(await checkConfirmLink(token)).toBe("valid");
    // The link is stored hashed: the secret in the mail is nowhere in the database.
    expect(await db.verificationToken.count({ where: { token } })).toBe(0);

    const made = await createUser({ name: "Made By Admin", email: uniqueEmail("cli"), password: "a-fine-password-1" });
    expect(await confirmed(made.id)).toMatchObject({ emailConfirmed: true });
    await mailSettled();
    expect(sent.some((m) => m.to === made.email)).toBe(false);
  });

  it("holds an unconfirmed account's comments and public notes (202, reason unconfirmed), not its private notes, and says why", async () => {
    const article = await insertArticle();
    const { viewer } = await signedUp();
    clock.advance(defaultSettings.floodIntervalMs + 1_000);
    const result = await createComment(viewer, article.slug, { body: "My first thought on this." });
    expect(result.comment).toMatchObject({ status: "pending" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: result.comment.id } })).holdReasons).toEqual([
      "unconfirmed",
      "first_comment",
    ]);
    expect(result.held).toBe(true);
    // What the author is told (the comment form and the personal layer word the reasons so).
    expect(heldMessage(result.comment.holdReasons, defaultSettings.linkHoldThreshold)).toMatch(
      /confirm your e-mail address: open the link we sent you/,
    );

    const note = await annotate(viewer, article.slug, "A public note.");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).holdReasons).toContain("unconfirmed");
    const own = await annotate(viewer, article.slug, "Only for me.", "private");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("approved");
  });

  it("holds an unconfirmed account even after a moderator approved something of it, or with the first-contribution hold off", async () => {
    const article = await insertArticle();
    const { viewer } = await signedUp();
    const moderator = await member("moderator");
    const first = await post(viewer, article.slug, "First.");
    // A moderator may still approve by hand: their judgement, not a rule.
    await actOnItems(moderator, { type: "comment", ids: [first.id], action: "approve" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("approved");
    const second = await post(viewer, article.slug, "Second.");
    expect(await db.comment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["unconfirmed"],
    });
    await withSettings({ holdFirstContribution: false }, async () => {
      const other = await signedUp();
      const held = await post(other.viewer, article.slug, "Rules are off.");
      expect(await db.comment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
        status: "pending",
        holdReasons: ["unconfirmed"],
      });
    });
  });

  it("confirming releases what waited only for it, keeps other holds, and the link works once", async () => {
    const article = await insertArticle();
    const { viewer, token } = await signedUp();
    const moderator = await member("moderator");
    const first = await post(viewer, article.slug, "First.");
    await actOnItems(moderator, { type: "comment", ids: [first.id], action: "approve" });
    const waiting = await post(viewer, article.slug, "Waiting for my confirmation.");
    const linked = await post(viewer, article.slug, "Two links http://a.example http://b.example");
    const live = await db.liveEvent.count({ where: { itemId: waiting.id } });

    expect(await confirmEmail(token)).toMatchObject({ email: viewer.email, released: 1 });
    expect(await confirmed(viewer.id)).toMatchObject({ emailConfirmed: true, emailVerified: expect.any(Date) });
    expect(await db.comment.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "approved",
      holdReasons: [],
    });
    // Still held for its links; no longer for the address.
    expect(await db.comment.findUniqueOrThrow({ where: { id: linked.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["links"],
    });
    expect(await db.liveEvent.count({ where: { itemId: waiting.id, action: "created" } })).toBe(live + 1);
    expect(await db.auditEntry.count({ where: { targetId: waiting.id, action: "release_confirmed" } })).toBe(1);

    // Single use: the same link again is refused and changes nothing.
    expect(await checkConfirmLink(token)).toBe("used");
    await expectAppError(confirmEmail(token), "conflict");
    // What the account writes now passes the usual rules only.
    const next = await post(viewer, article.slug, "After confirming.");
    expect((await db.comment.findUniqueOrThrow({ where: { id: next.id } })).status).toBe("approved");
  });

  it("an unconfirmed account's reports are stored for the moderators but weigh nothing, whatever its age and standing", async () => {
    await withSettings({ reportThreshold: 1 }, async () => {
      const article = await insertArticle();
      const target = await post(await member(), article.slug, "Something to report.");
      const note = await annotate(await member(), article.slug, "A note to report.");
      const { viewer, token } = await signedUp();
      await db.user.update({
        where: { id: viewer.id },
        data: { createdAt: new Date(clock.now().getTime() - 5 * 86_400_000), trustedAt: new Date() },
      });
      expect(await reportComment(viewer, target.id, { reason: "spam" })).toMatchObject({
        reported: true,
        hidden: false,
        counted: false,
      });
      expect(await reportAnnotation(viewer, article.slug, note.id, { reason: "spam" })).toMatchObject({
        reported: true,
        hidden: false,
        counted: false,
      });
      expect((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("approved");
      expect(await db.report.count({ where: { commentId: target.id } })).toBe(1);
      // Confirmed, the same standing counts.
      await confirmEmail(token);
      const second = await post(await member(), article.slug, "Something else to report.");
      expect(await reportComment(viewer, second.id, { reason: "spam" })).toMatchObject({ hidden: true, counted: true });
      // An established reader's report counts as before.
      const third = await post(await member(), article.slug, "A third.");
      expect(await reportComment(await established(), third.id, { reason: "spam" })).toMatchObject({
        hidden: true,
        counted: true,
      });
    });
  });

  it("refuses an expired link, a made-up one and garbage, changing nothing", async () => {
    const { viewer, token } = await signedUp();
    await db.verificationToken.updateMany({
      where: { identifier: `email-confirmation:${viewer.id}` },
      data: { expires: new Date(clock.now().getTime() - 1_000) },
    });
    expect(await checkConfirmLink(token)).toBe("expired");
    expect((await expectAppError(confirmEmail(token), "bad_request")).message).toMatch(/expired/);
    for (const bad of ["x".repeat(43), "", null, 42, { token }, "a".repeat(500), "\u0000".repeat(30)]) {
      expect(await checkConfirmLink(bad)).toBe("unknown");
      await expectAppError(confirmEmail(bad), "bad_request");
    }
    expect(await confirmed(viewer.id)).toMatchObject({ emailConfirmed: false });
  });

  it("sends the link again to its owner only, a few times an hour; an older link still works", async () => {
    await withSettings({ emailConfirmationLimit: { limit: 2, windowMs: 60 * 60_000 } }, async () => {
      const { viewer, token } = await signedUp();
      await resendConfirmationLink(viewer);
      const second = await linkSentTo(viewer.email);
      expect(second).not.toBe(token);
      await resendConfirmationLink(viewer);
      await expectAppError(resendConfirmationLink(viewer), "rate_limited");
      expect(await checkConfirmLink(token)).toBe("valid");
      await confirmEmail(token);
      // Confirming used up every link of the account.
      expect(await checkConfirmLink(second)).toBe("used");
    });
  });

  it("refuses the resend to every caller who has nothing to confirm: anonymous, confirmed readers, the board, a deleted account", async () => {
    await expectAppError(resendConfirmationLink(null), "unauthorized");
    for (const role of ["commenter", "moderator", "editor", "admin"] as const) {
      await expectAppError(resendConfirmationLink(await member(role)), "conflict");
    }
    const { viewer } = await signedUp();
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: new Date() } });
    await expectAppError(resendConfirmationLink(viewer), "unauthorized");
  });

  it("a banned unconfirmed account may confirm, but confirming does not lift the ban", async () => {
    const article = await insertArticle();
    const { viewer, token } = await signedUp();
    await db.user.update({ where: { id: viewer.id }, data: { status: "banned" } });
    await confirmEmail(token);
    clock.advance(defaultSettings.floodIntervalMs + 1_000);
    await expectAppError(
      createComment({ ...viewer, status: "banned" }, article.slug, { body: "Still banned." }),
      "forbidden",
    );
  });

  it("the article page's personal layer says when the reader is unconfirmed (its forms warn before posting)", async () => {
    const { slug } = await insertArticle();
    const { viewer, token } = await signedUp();
    expect((await getArticlePersonal(viewer, slug)).unconfirmed).toBe(true);
    expect((await getArticlePersonal(await member("commenter"), slug)).unconfirmed).toBe(false);
    expect((await getArticlePersonal(null, slug)).unconfirmed).toBe(false);
    await confirmEmail(token);
    expect((await getArticlePersonal(viewer, slug)).unconfirmed).toBe(false);
  });
});
