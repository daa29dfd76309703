import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { setCommentLike } from "@/lib/comments/like-comment";
import { listThread } from "@/lib/comments/list-thread";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { ban, createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

type Actor = "anonymous" | "author" | "another commenter" | "banned user" | "moderator";
type Action = "post" | "reply" | "edit" | "delete" | "like" | "report";
type Refusal = Extract<ErrorCode, "unauthorized" | "forbidden" | "rule_violation">;
type Outcome = "ok" | Refusal;

// Who may do what to a comment written by "author". Moderators act on others' comments through
// moderation, not by editing or deleting them; a banned user may read, nothing more.
const table: Record<Actor, Record<Action, Outcome>> = {
  anonymous: {
    post: "unauthorized",
    reply: "unauthorized",
    edit: "unauthorized",
    delete: "unauthorized",
    like: "unauthorized",
    report: "unauthorized",
  },
  author: { post: "ok", reply: "ok", edit: "ok", delete: "ok", like: "rule_violation", report: "rule_violation" },
  "another commenter": { post: "ok", reply: "ok", edit: "forbidden", delete: "forbidden", like: "ok", report: "ok" },
  "banned user": {
    post: "forbidden",
    reply: "forbidden",
    edit: "forbidden",
    delete: "forbidden",
    like: "forbidden",
    report: "forbidden",
  },
  moderator: { post: "ok", reply: "ok", edit: "forbidden", delete: "forbidden", like: "ok", report: "ok" },
};
const status: Record<Refusal, number> = { unauthorized: 401, forbidden: 403, rule_violation: 422 };

async function actorFor(name: Actor, author: Viewer): Promise<Viewer | null> {
  if (name === "anonymous") return null;
  if (name === "author") return author;
  if (name === "moderator") return (await createTestUser({ label: "moderator", role: "moderator" })).viewer;
  const { viewer } = await createTestUser({ label: name.replace(" ", "-") });
  if (name === "banned user") await ban(viewer.id);
  return viewer;
}

/** What each action does, and how to tell from the database that a refused one changed nothing. */
function perform(action: Action, actor: Viewer | null, slug: string, target: string) {
  switch (action) {
    case "post":
      return createComment(actor, slug, { body: `A new comment by ${actor?.id ?? "nobody"}.` });
    case "reply":
      return createComment(actor, slug, { body: `A reply by ${actor?.id ?? "nobody"}.`, parentId: target });
    case "edit":
      return editComment(actor, target, { body: "Edited text." });
    case "delete":
      return deleteComment(actor, target);
    case "like":
      return setCommentLike(actor, target, true);
    case "report":
      return reportComment(actor, target, { reason: "spam" });
  }
}

async function snapshot(articleId: string, target: string) {
  const [comments, row, likes, reports, revisions] = await Promise.all([
    db.comment.count({ where: { articleId } }),
    db.comment.findUniqueOrThrow({ where: { id: target }, select: { body: true, status: true, likeCount: true } }),
    db.commentLike.count({ where: { commentId: target } }),
    db.report.count({ where: { commentId: target } }),
    db.commentRevision.count({ where: { commentId: target } }),
  ]);
  return { comments, row, likes, reports, revisions };
}

async function expectEffect(
  action: Action,
  articleId: string,
  target: string,
  before: Awaited<ReturnType<typeof snapshot>>,
) {
  const after = await snapshot(articleId, target);
  if (action === "post" || action === "reply") expect(after.comments).toBe(before.comments + 1);
  if (action === "edit") expect([after.row.body, after.revisions]).toEqual(["Edited text.", before.revisions + 1]);
  if (action === "delete") expect(after.row.status).toBe("deleted");
  if (action === "like")
    expect([after.likes, after.row.likeCount]).toEqual([before.likes + 1, before.row.likeCount + 1]);
  if (action === "report") expect(after.reports).toBe(before.reports + 1);
}

describe("comment permissions", () => {
  for (const [actorName, row] of Object.entries(table) as [Actor, Record<Action, Outcome>][]) {
    for (const [action, outcome] of Object.entries(row) as [Action, Outcome][]) {
      it(`${actorName} → ${action}: ${outcome === "ok" ? "allowed" : `refused (${outcome}, ${status[outcome]})`}`, async () => {
        const article = await insertArticle();
        const { viewer: author } = await createTestUser({ label: "author" });
        const target = await post(author, article.slug, "The comment everyone acts on.");
        const actor = await actorFor(actorName, author);
        clock.advance(60_000); // past the author's flood interval
        const before = await snapshot(article.id, target.id);

        if (outcome === "ok") {
          await perform(action, actor, article.slug, target.id);
          await expectEffect(action, article.id, target.id, before);
        } else {
          const error = await expectAppError(perform(action, actor, article.slug, target.id), outcome);
          expect(error.status).toBe(status[outcome]);
          expect(error.message.length).toBeGreaterThan(10);
          expect(await snapshot(article.id, target.id)).toEqual(before);
        }
      });
    }
  }
});

describe("bans", () => {
  it("a banned user can still read the discussion, including their own earlier comments", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "banned-reader" });
    const mine = await post(viewer, article.slug, "Before my ban.");
    await ban(viewer.id);
    const { threads } = await listThread(viewer, article.slug);
    expect(threads.map((t) => t.id)).toEqual([mine.id]);
    // …but can change nothing, not even their own comment.
    await expectAppError(editComment(viewer, mine.id, { body: "After my ban." }), "forbidden");
    await expectAppError(deleteComment(viewer, mine.id), "forbidden");
    expect((await db.comment.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe("Before my ban.");
  });

  it("the ban is read from the database at the moment of the write, whatever the viewer object says", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "stale" });
    await ban(viewer.id, null); // permanent
    expect(viewer.status).toBe("active");
    const error = await expectAppError(
      createComment(viewer, article.slug, { body: "I am still active, says my session." }),
      "forbidden",
    );
    expect(error.message).toMatch(/banned/);
  });

  it("an expired ban no longer stops a user", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "expired" });
    await ban(viewer.id, new Date(clock.now().getTime() + 60 * 60_000));
    await expectAppError(post(viewer, article.slug, "During the ban."), "forbidden");
    clock.advance(60 * 60_000 + 1_000);
    expect((await post(viewer, article.slug, "After the ban.")).body).toBe("After the ban.");
  });

  it("a deleted account is treated as signed out", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "gone" });
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: clock.now() } });
    await expectAppError(post(viewer, article.slug, "Ghost writing."), "unauthorized");
  });
});

describe("editors and admins act through moderation too", () => {
  for (const role of ["editor", "admin"] as const) {
    it(`${role}: may not edit or delete someone else's comment`, async () => {
      const article = await insertArticle();
      const { viewer: author } = await createTestUser({ label: "author" });
      const { viewer: boss } = await createTestUser({ label: role, role });
      const target = await post(author, article.slug, "Mine, not theirs.");
      await expectAppError(editComment(boss, target.id, { body: "Overruled." }), "forbidden");
      await expectAppError(deleteComment(boss, target.id), "forbidden");
      expect(
        await db.comment.findUniqueOrThrow({ where: { id: target.id }, select: { body: true, status: true } }),
      ).toEqual({ body: "Mine, not theirs.", status: "approved" });
    });
  }
});
