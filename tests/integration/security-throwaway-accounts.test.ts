import { describe, expect, it, vi } from "vitest";
import { reportAnnotation } from "@/lib/annotations/report-annotation";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import * as passwords from "@/lib/users/passwords";
import { signUp } from "@/lib/users/sign-up";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { established, member } from "../seed/users";
import { expectAppError } from "./helpers";

// Finding 5: three throw-away accounts hid anyone's comment; sign-up had no limit and ran argon2
// before anything was checked.

describe("finding 5: sign-ups are limited per IP, before argon2 runs", () => {
  it("refuses the sign-up over the limit with 429, without hashing, and counts per address", async () => {
    await withSettings({ signUpIpLimit: { limit: 3, windowMs: 60 * 60_000 } }, async () => {
      const ip = uniqueIp();
      const form = () => ({ name: "Throw Away", email: uniqueEmail("throwaway"), password: "a-fine-password-1" });
      for (let i = 0; i < 3; i++) await signUp(form(), ip);
      const hashing = vi.spyOn(passwords, "hashPassword");
      try {
        const refused = await expectAppError(signUp(form(), ip), "rate_limited");
        expect(refused.retryAfterSeconds).toBeGreaterThan(0);
        expect(hashing).not.toHaveBeenCalled();
        // Another address is not affected (and its sign-up does hash: the spy sees it).
        expect((await signUp(form(), uniqueIp())).email).toMatch(/throwaway/);
        expect(hashing).toHaveBeenCalledTimes(1);
      } finally {
        hashing.mockRestore();
      }
      expect(
        await db.user.count({ where: { name: "Throw Away", createdAt: { gte: new Date(Date.now() - 60_000) } } }),
      ).toBeGreaterThanOrEqual(4);
    });
  });
});

describe("finding 5: reports are weighed by the reporter's standing", () => {
  it("three new accounts without an approved contribution hide nothing", async () => {
    const article = await insertArticle();
    const author = await member();
    const target = await post(author, article.slug, "An unpopular but fair opinion.");
    for (let i = 0; i < 3; i++) {
      const fresh = await member("commenter", { trusted: false });
      expect(await reportComment(fresh, target.id, { reason: "spam" })).toMatchObject({ hidden: false });
    }
    // Trusted but younger than a day: still not counted.
    for (let i = 0; i < 3; i++)
      expect(
        await reportComment(await member("commenter", { trusted: true }), target.id, { reason: "spam" }),
      ).toMatchObject({ hidden: false });
    expect((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("approved");
    // Open reports are all kept for the moderators.
    expect(await db.report.count({ where: { commentId: target.id, dismissedAt: null } })).toBe(6);
    // Three readers in good standing do hide it.
    for (let i = 0; i < 2; i++) await reportComment(await established(), target.id, { reason: "spam" });
    expect(await reportComment(await established(), target.id, { reason: "spam" })).toMatchObject({ hidden: true });
    expect(await db.comment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["reported:3"],
    });
  });

  it("an old account counts once it has an approved contribution", async () => {
    await withSettings({ reportThreshold: 1 }, async () => {
      const article = await insertArticle();
      const target = await post(await member(), article.slug, "Something to report.");
      const old = await member("commenter", { trusted: false });
      await db.user.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
      expect(await reportComment(old, target.id, { reason: "spam" })).toMatchObject({ hidden: false });
      await db.comment.create({
        data: {
          id: `c${Date.now()}`,
          articleId: article.id,
          threadId: `c${Date.now()}`,
          authorId: old.id,
          body: "ok",
          html: "<p>ok</p>",
          status: "approved",
        },
      });
      const second = await post(await member(), article.slug, "Something else to report.");
      expect(await reportComment(old, second.id, { reason: "spam" })).toMatchObject({ hidden: true });
    });
  });

  it("a board member's comment or note is never hidden by reports, only queued", async () => {
    const article = await insertArticle();
    const editor = await member("editor");
    const comment = await post(editor, article.slug, "An editor's reply.");
    const note = await annotate(editor, article.slug, "An editor's note.");
    for (let i = 0; i < 4; i++) {
      const reader = await established();
      expect(await reportComment(reader, comment.id, { reason: "harassment" })).toMatchObject({ hidden: false });
      expect(await reportAnnotation(reader, article.slug, note.id, { reason: "harassment" })).toMatchObject({
        hidden: false,
      });
    }
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("approved");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).status).toBe("approved");
    expect(await db.report.count({ where: { commentId: comment.id, dismissedAt: null } })).toBe(4);
  });
});
