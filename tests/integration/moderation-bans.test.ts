import { describe, expect, it } from "vitest";
import { updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { reportAnnotation } from "@/lib/annotations/report-annotation";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { setCommentLike } from "@/lib/comments/like-comment";
import { listThread } from "@/lib/comments/list-thread";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { banUser, unbanUser } from "@/lib/moderation/ban-user";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { listQueue } from "@/lib/moderation/list-queue";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";
import { auditOf, expectAppError } from "./helpers";

const hour = 3_600_000;
const day = 24 * hour;
const t0 = new Date("2032-05-01T09:00:00Z");
const quote = (slug: string, note: string) => ({
  motivation: "commenting",
  bodyValue: note,
  target: { source: `/articles/${slug}`, selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
});

describe("bans", () => {
  for (const [duration, ms] of [
    ["1d", day],
    ["7d", 7 * day],
    ["30d", 30 * day],
  ] as const) {
    it(`a ${duration} ban stops posting at once and lifts after ${ms / hour} h`, async () => {
      clock.set(t0);
      const article = await insertArticle();
      const moderator = await member("moderator");
      const reader = await member();
      const r = await banUser(moderator, { email: reader.email, duration, reason: "Flooding the thread" });
      expect(r).toEqual({
        email: reader.email,
        status: "banned",
        bannedUntil: new Date(t0.getTime() + ms).toISOString(),
        reason: "Flooding the thread",
      });
      const refused = await expectAppError(createComment(reader, article.slug, { body: "Let me in." }), "forbidden");
      expect(refused.message).toContain("Flooding the thread");
      clock.advance(ms - 60_000);
      await expectAppError(createComment(reader, article.slug, { body: "Almost." }), "forbidden");
      clock.advance(61_000);
      expect((await createComment(reader, article.slug, { body: "Back again." })).comment.status).toBe("approved");
    });
  }

  it("a permanent ban never lifts; unban lifts it at once", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const moderator = await member("moderator");
    const reader = await member();
    expect(
      (await banUser(moderator, { email: reader.email, duration: "permanent", reason: "Spam account" })).bannedUntil,
    ).toBeNull();
    clock.set(new Date(t0.getTime() + 3650 * day));
    await expectAppError(createComment(reader, article.slug, { body: "Ten years later." }), "forbidden");
    expect(await unbanUser(moderator, reader.email.toUpperCase())).toEqual({ email: reader.email, status: "active" });
    expect((await createComment(reader, article.slug, { body: "Forgiven." })).comment.status).toBe("approved");
    const log = await auditOf(reader.id);
    expect(log.map((e) => [e.action, e.actorId, e.reason])).toEqual([
      ["ban", moderator.id, "Spam account"],
      ["unban", moderator.id, null],
    ]);
    expect(log[0]).toMatchObject({
      targetType: "user",
      before: { status: "active", bannedUntil: null },
      after: { status: "banned", bannedUntil: null, duration: "permanent", email: reader.email },
    });
    expect(log[1]).toMatchObject({ before: { status: "banned" }, after: { status: "active" } });
  });

  it("a banned user keeps reading but cannot post, edit, like, report or annotate", async () => {
    const article = await insertArticle();
    const moderator = await member("moderator");
    const reader = await member();
    const other = await member();
    const mine = await post(reader, article.slug, "Written before the ban.");
    const theirs = await post(other, article.slug, "Someone else's comment.");
    const myNote = await annotate(reader, article.slug, "My note before the ban.");
    const theirNote = await annotate(other, article.slug, "Their note.");
    await banUser(moderator, { email: reader.email, duration: "7d", reason: "Cooling off" });
    clock.advance(20_000);

    await expectAppError(createComment(reader, article.slug, { body: "New." }), "forbidden");
    await expectAppError(createComment(reader, article.slug, { body: "A reply.", parentId: theirs.id }), "forbidden");
    await expectAppError(editComment(reader, mine.id, { body: "Edited." }), "forbidden");
    await expectAppError(setCommentLike(reader, theirs.id, true), "forbidden");
    await expectAppError(reportComment(reader, theirs.id, { reason: "spam" }), "forbidden");
    await expectAppError(createAnnotation(reader, article.slug, quote(article.slug, "A public note.")), "forbidden");
    await expectAppError(
      createAnnotation(reader, article.slug, { ...quote(article.slug, "A private note."), audience: "private" }),
      "forbidden",
    );
    await expectAppError(
      updateAnnotation(reader, article.slug, myNote.id, { ...quote(article.slug, "Edited note.") }),
      "forbidden",
    );
    await expectAppError(reportAnnotation(reader, article.slug, theirNote.id, { reason: "spam" }), "forbidden");

    // Reading still works, and nothing was stored.
    const thread = await listThread(reader, article.slug);
    expect(thread.threads.map((c) => c.body)).toEqual(["Written before the ban.", "Someone else's comment."]);
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(2);
    expect((await db.comment.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe("Written before the ban.");
    expect(await db.report.count({ where: { reporterId: reader.id } })).toBe(0);
    expect(await db.commentLike.count({ where: { userId: reader.id } })).toBe(0);
  });

  it("who may ban whom: not oneself; moderators not the board; admins anyone; bad input is named", async () => {
    const moderator = await member("moderator");
    const editor = await member("editor");
    const admin = await member("admin");
    const otherModerator = await member("moderator");
    await expectAppError(banUser(moderator, { email: moderator.email, duration: "1d", reason: "x" }), "forbidden");
    await expectAppError(banUser(moderator, { email: otherModerator.email, duration: "1d", reason: "x" }), "forbidden");
    await expectAppError(banUser(moderator, { email: editor.email, duration: "1d", reason: "x" }), "forbidden");
    await banUser(editor, { email: otherModerator.email, duration: "1d", reason: "Editors may" });
    await banUser(admin, { email: editor.email, duration: "1d", reason: "Admins may" });
    await expectAppError(banUser(admin, { email: "nobody-here@gloss.test", duration: "1d", reason: "x" }), "not_found");
    const bad = await expectAppError(
      banUser(admin, { email: "not-an-email", duration: "2d", reason: "  " }),
      "bad_request",
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["duration", "email", "reason"]);
    const long = await expectAppError(
      banUser(admin, { email: moderator.email, duration: "1d", reason: "r".repeat(501) }),
      "bad_request",
    );
    expect(long.fields?.reason).toMatch(/500/);
  });

  it("a banned moderator keeps reading the queue but moderates no more", async () => {
    const article = await insertArticle();
    const admin = await member("admin");
    const moderator = await member("moderator");
    const newcomer = await member("commenter", { trusted: false });
    const held = await post(newcomer, article.slug, "Held for a moderator.");
    await banUser(admin, { email: moderator.email, duration: "1d", reason: "Abused the queue" });
    expect((await listQueue(moderator, { status: "pending", article: article.slug })).items).toHaveLength(1);
    await expectAppError(actOnItems(moderator, { type: "comment", ids: [held.id], action: "approve" }), "forbidden");
    await expectAppError(banUser(moderator, { email: newcomer.email, duration: "1d", reason: "x" }), "forbidden");
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("pending");
  });
});

describe("roles", () => {
  it("an admin changes a role; it bites on the user's next request and is logged", async () => {
    const article = await insertArticle();
    const admin = await member("admin");
    const newcomer = await member("commenter", { trusted: false });
    const held = await post(newcomer, article.slug, "Will a new moderator approve me?");
    const user = await member();
    await expectAppError(actOnItems(user, { type: "comment", ids: [held.id], action: "approve" }), "forbidden");
    expect(await changeUserRole(admin, { email: user.email, role: "moderator" })).toEqual({
      email: user.email,
      role: "moderator",
    });
    // The next request carries the new role (the session reads it from the database).
    const promoted = { ...user, role: "moderator" as const };
    await actOnItems(promoted, { type: "comment", ids: [held.id], action: "approve" });
    // A demotion bites even on a request whose viewer still says "moderator".
    await changeUserRole(admin, { email: user.email, role: "commenter" });
    await expectAppError(actOnItems(promoted, { type: "comment", ids: [held.id], action: "trash" }), "forbidden");
    expect((await auditOf(user.id)).map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["role", admin.id, { role: "commenter" }, { role: "moderator", email: user.email }],
      ["role", admin.id, { role: "moderator" }, { role: "commenter", email: user.email }],
    ]);
  });

  it("only admins change roles; an admin cannot drop their own admin role; bad input is named", async () => {
    const admin = await member("admin");
    const editor = await member("editor");
    const user = await member();
    await expectAppError(changeUserRole(editor, { email: user.email, role: "moderator" }), "forbidden");
    await expectAppError(changeUserRole(admin, { email: admin.email, role: "editor" }), "forbidden");
    const bad = await expectAppError(changeUserRole(admin, { email: user.email, role: "superuser" }), "bad_request");
    expect(bad.fields?.role).toMatch(/commenter, contributor, moderator, editor or admin/);
    await expectAppError(changeUserRole(admin, { email: "missing@gloss.test", role: "editor" }), "not_found");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("commenter");
  });
});
