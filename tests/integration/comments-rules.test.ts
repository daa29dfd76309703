import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { threadJson } from "@/lib/comments/comment-json";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { setCommentLike } from "@/lib/comments/like-comment";
import { listThread } from "@/lib/comments/list-thread";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import { insertArticle } from "../seed/articles";
import { commentCount, post } from "../seed/comments";
import { withSetting } from "../seed/settings";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const t0 = new Date("2031-03-01T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("comment body", () => {
  it("accepts 1 to 10,000 characters after trimming, and stores the trimmed text", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "body" });
    expect((await post(viewer, article.slug, "  x \n")).body).toBe("x");
    const longest = "a".repeat(10_000);
    const stored = await post(viewer, article.slug, `\n   ${longest}   \n`);
    expect(stored.body).toBe(longest);
    expect(stored.html).toBe(`<p>${longest}</p>`);
    expect(await commentCount(article.id)).toBe(2);
  });

  it("refuses an empty, blank or too long body with a message for fields.body, and stores nothing", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "body" });
    const parent = await post(viewer, article.slug, "A parent to reply to.");
    clock.advance(60_000);
    for (const input of [
      { body: "" },
      { body: "   \n\t  " },
      { body: "a".repeat(10_001) },
      { body: ` ${"b".repeat(10_001)} ` },
      {},
      { body: 42 },
      { body: null },
    ]) {
      for (const target of [input, { ...input, parentId: parent.id }]) {
        const error = await expectAppError(createComment(viewer, article.slug, target), "bad_request");
        expect(error.status).toBe(400);
        expect(error.fields?.body, JSON.stringify(target).slice(0, 60)).toMatch(/\w/);
      }
    }
    expect((await expectAppError(createComment(viewer, article.slug, { body: "" }), "bad_request")).fields?.body).toBe(
      "Write something first.",
    );
    expect(
      (await expectAppError(createComment(viewer, article.slug, { body: "a".repeat(10_001) }), "bad_request")).fields
        ?.body,
    ).toBe("Keep it under 10,000 characters.");
    expect(await commentCount(article.id)).toBe(1);
  });

  it("an edit obeys the same limits and a refused edit changes nothing", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "body" });
    const comment = await post(viewer, article.slug, "Original words.");
    for (const body of ["", "  ", "c".repeat(10_001)]) {
      const error = await expectAppError(editComment(viewer, comment.id, { body }), "bad_request");
      expect(error.fields?.body).toMatch(/\w/);
    }
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, include: { revisions: true } });
    expect(row.body).toBe("Original words.");
    expect(row.editedAt).toBeNull();
    expect(row.revisions).toEqual([]);
  });

  it("ignores the fields a client may not set (status, author, counts, thread)", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "sneaky" });
    const { viewer: other } = await createTestUser({ label: "victim" });
    clock.advance(20_000);
    const { comment } = await createComment(viewer, article.slug, {
      body: "Only my words count.",
      status: "pending",
      authorId: other.id,
      likeCount: 99,
      threadId: "x",
      depth: 7,
      articleId: "other",
      html: "<script>alert(1)</script>",
    });
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({
      status: "approved",
      authorId: viewer.id,
      likeCount: 0,
      threadId: row.id,
      depth: 0,
      articleId: article.id,
      html: "<p>Only my words count.</p>",
    });
  });
});

describe("flood control", () => {
  it("refuses a user's next comment within 15 s as rate_limited, saying how long to wait", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "flood" });
    await createComment(viewer, article.slug, { body: "First." });
    clock.set(at(5_000));
    const error = await expectAppError(createComment(viewer, article.slug, { body: "Second." }), "rate_limited");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(10);
    expect(error.message).toMatch(/10 s/);
    clock.set(at(14_000));
    expect(
      (await expectAppError(createComment(viewer, article.slug, { body: "Second." }), "rate_limited"))
        .retryAfterSeconds,
    ).toBe(1);
    expect(await commentCount(article.id)).toBe(1);

    // The refused attempts did not move the window: 15 s after the first post, the next one goes through.
    clock.set(at(15_000));
    await createComment(viewer, article.slug, { body: "Second." });
    expect(await commentCount(article.id)).toBe(2);
  });

  it("one clock for comments and replies, on every article", async () => {
    clock.set(t0);
    const [a, b] = [await insertArticle(), await insertArticle()];
    const { viewer } = await createTestUser({ label: "flood" });
    const { comment } = await createComment(viewer, a.slug, { body: "On A." });
    clock.set(at(2_000));
    await expectAppError(createComment(viewer, b.slug, { body: "On B." }), "rate_limited");
    await expectAppError(createComment(viewer, a.slug, { body: "A reply.", parentId: comment.id }), "rate_limited");
    // Another user is not slowed down by this one.
    const { viewer: other } = await createTestUser({ label: "flood-other" });
    await createComment(other, a.slug, { body: "Mine.", parentId: comment.id });
    expect((await commentCount(a.id)) + (await commentCount(b.id))).toBe(2);
  });

  it("a post refused for another reason does not use up the slot", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const closed = await insertArticle({ commentsOpen: false });
    const { viewer } = await createTestUser({ label: "flood" });
    await createComment(viewer, article.slug, { body: "Said once." });
    clock.set(at(16_000));
    await expectAppError(createComment(viewer, article.slug, { body: "   " }), "bad_request");
    await expectAppError(createComment(viewer, article.slug, { body: "Said once." }), "conflict");
    await expectAppError(
      createComment(viewer, article.slug, { body: "To nobody.", parentId: "nosuchcomment0000000" }),
      "not_found",
    );
    await expectAppError(createComment(viewer, closed.slug, { body: "Closed." }), "rule_violation");
    await createComment(viewer, article.slug, { body: "Said twice, differently." });
    expect(await commentCount(article.id)).toBe(2);
  });

  it("moderators, editors and admins are exempt", async () => {
    clock.set(t0);
    const article = await insertArticle();
    for (const role of ["moderator", "editor", "admin"] as const) {
      const { viewer } = await createTestUser({ label: role, role });
      for (const n of [1, 2, 3]) await createComment(viewer, article.slug, { body: `${role} says ${n}` });
    }
    expect(await commentCount(article.id)).toBe(9);
  });

  it("the interval is a setting", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "flood" });
    await withSetting("floodIntervalMs", 60_000, async () => {
      await createComment(viewer, article.slug, { body: "One." });
      clock.set(at(30_000));
      expect(
        (await expectAppError(createComment(viewer, article.slug, { body: "Two." }), "rate_limited")).retryAfterSeconds,
      ).toBe(30);
      clock.set(at(60_000));
      await createComment(viewer, article.slug, { body: "Two." });
    });
    expect(await commentCount(article.id)).toBe(2);
  });
});

describe("duplicates", () => {
  it('the same user posting the same body on the same article within 10 minutes → conflict "You already said that"', async () => {
    clock.set(t0);
    const [article, other] = [await insertArticle(), await insertArticle()];
    const { viewer } = await createTestUser({ label: "dup" });
    const { viewer: someoneElse } = await createTestUser({ label: "dup-other" });
    await createComment(viewer, article.slug, { body: "Well said." });

    clock.set(at(60_000));
    const error = await expectAppError(createComment(viewer, article.slug, { body: "  Well said.\n" }), "conflict");
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^You already said that/);
    const { comment: parent } = await createComment(someoneElse, article.slug, { body: "Well said." }); // another user: fine
    clock.set(at(120_000));
    await expectAppError(createComment(viewer, article.slug, { body: "Well said.", parentId: parent.id }), "conflict"); // a reply too
    await createComment(viewer, other.slug, { body: "Well said." }); // another article: fine
    expect(await commentCount(article.id)).toBe(2);

    clock.set(at(10 * 60_000));
    await expectAppError(createComment(viewer, article.slug, { body: "Well said." }), "conflict");
    clock.set(at(10 * 60_000 + 1_000));
    await createComment(viewer, article.slug, { body: "Well said." });
    expect(await commentCount(article.id)).toBe(3);
  });

  it("moderators are not exempt from the duplicate rule", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "dup-mod", role: "moderator" });
    await createComment(viewer, article.slug, { body: "Please keep it civil." });
    await expectAppError(createComment(viewer, article.slug, { body: "Please keep it civil." }), "conflict");
  });
});

describe("replies", () => {
  it("a reply records its parent, thread and depth", async () => {
    const article = await insertArticle();
    const { viewer: a } = await createTestUser({ label: "reply-a" });
    const { viewer: b } = await createTestUser({ label: "reply-b" });
    const root = await post(a, article.slug, "Root.");
    const child = await post(b, article.slug, "Child.", root.id);
    const grandchild = await post(a, article.slug, "Grandchild.", child.id);
    expect([child.parentId, child.threadId, child.depth]).toEqual([root.id, root.id, 1]);
    expect([grandchild.parentId, grandchild.threadId, grandchild.depth]).toEqual([child.id, root.id, 2]);
  });

  it("refuses a reply to another article's comment, a trashed, spam or deleted one, or one that does not exist; nothing is stored", async () => {
    const [article, elsewhere] = [await insertArticle(), await insertArticle()];
    const { viewer: author } = await createTestUser({ label: "parent-author" });
    const { viewer } = await createTestUser({ label: "replier" });
    const foreign = await post(author, elsewhere.slug, "On another article.");
    const trashed = await post(author, article.slug, "Trashed by a moderator.");
    const spam = await post(author, article.slug, "Marked as spam.");
    const deleted = await post(author, article.slug, "Deleted by its author.");
    const pendingOfOther = await post(author, article.slug, "Awaiting moderation.");
    await db.comment.update({ where: { id: trashed.id }, data: { status: "trash" } });
    await db.comment.update({ where: { id: spam.id }, data: { status: "spam" } });
    await db.comment.update({ where: { id: pendingOfOther.id }, data: { status: "pending" } });
    await deleteComment(author, deleted.id);
    const before = await commentCount(article.id);

    clock.advance(60_000);
    for (const parentId of [foreign.id, trashed.id, spam.id, deleted.id, pendingOfOther.id, "nosuchcomment0000000"]) {
      const error = await expectAppError(
        createComment(viewer, article.slug, { body: `Reply to ${parentId}`, parentId }),
        "not_found",
      );
      expect(error.status).toBe(404);
      expect(error.fields?.parentId).toMatch(/\w/);
    }
    const malformed = await expectAppError(
      createComment(viewer, article.slug, { body: "Reply.", parentId: "../../etc" }),
      "bad_request",
    );
    expect(malformed.fields?.parentId).toBeDefined();
    expect(await commentCount(article.id)).toBe(before);
    expect(await db.comment.count({ where: { authorId: viewer.id } })).toBe(0);
  });

  it("an author may reply under their own comment while it awaits moderation", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "own-pending" });
    const mine = await post(viewer, article.slug, "Held for now.");
    await db.comment.update({ where: { id: mine.id }, data: { status: "pending" } });
    const reply = await post(viewer, article.slug, "And a follow-up.", mine.id);
    expect(reply.parentId).toBe(mine.id);
  });
});

describe("closed and missing articles", () => {
  it("comments closed → rule_violation (422) with a clear message, for comments and replies; nothing stored", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "closed" });
    const existing = await post(viewer, article.slug, "Before closing.");
    await db.article.update({ where: { id: article.id }, data: { commentsOpen: false } });
    clock.advance(60_000);
    for (const input of [{ body: "After closing." }, { body: "A late reply.", parentId: existing.id }]) {
      const error = await expectAppError(createComment(viewer, article.slug, input), "rule_violation");
      expect(error.status).toBe(422);
      expect(error.message).toBe("Comments are closed on this article.");
    }
    expect(await commentCount(article.id)).toBe(1);
    // The discussion stays readable.
    expect((await listThread(null, article.slug)).threads.map((t) => t.id)).toEqual([existing.id]);
  });

  it("an unknown, unpublished or scheduled article → not_found", async () => {
    const { viewer } = await createTestUser({ label: "nowhere" });
    const draft = await insertArticle();
    await db.article.update({ where: { id: draft.id }, data: { status: "draft" } });
    const scheduled = await insertArticle();
    await db.article.update({
      where: { id: scheduled.id },
      data: { publishedAt: new Date(clock.now().getTime() + 86_400_000) },
    });
    for (const slug of ["no-such-article-anywhere", draft.slug, scheduled.slug, "Not A Slug!"])
      await expectAppError(createComment(viewer, slug, { body: "Hello?" }), "not_found");
    expect((await commentCount(draft.id)) + (await commentCount(scheduled.id))).toBe(0);
  });
});

describe("editing", () => {
  it("the author edits within 15 minutes; the comment shows it was edited and every earlier version is kept", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "editor" });
    const { comment } = await createComment(viewer, article.slug, { body: "First *draft*." });

    clock.set(at(5 * 60_000));
    const second = await editComment(viewer, comment.id, { body: "Second **draft**." });
    expect(second).toMatchObject({ body: "Second **draft**.", html: "<p>Second <strong>draft</strong>.</p>" });
    expect(second.editedAt?.toISOString()).toBe(at(5 * 60_000).toISOString());

    clock.set(at(15 * 60_000)); // the last moment of the window
    await editComment(viewer, comment.id, { body: "Final words." });
    // Saving the same text again is not a new version.
    await editComment(viewer, comment.id, { body: "Final words." });

    const row = await db.comment.findUniqueOrThrow({
      where: { id: comment.id },
      include: { revisions: { orderBy: { createdAt: "asc" } } },
    });
    expect(row.body).toBe("Final words.");
    expect(row.createdAt.toISOString()).toBe(t0.toISOString());
    expect(row.revisions.map((r) => [r.body, r.editedById, r.createdAt.toISOString()])).toEqual([
      ["First *draft*.", viewer.id, at(5 * 60_000).toISOString()],
      ["Second **draft**.", viewer.id, at(15 * 60_000).toISOString()],
    ]);
    const listed = threadJson((await listThread(null, article.slug)).threads)[0] as { body: string; editedAt: string };
    expect(listed).toMatchObject({ body: "Final words.", editedAt: at(15 * 60_000).toISOString() });
  });

  it("after the window an edit is refused as forbidden, and nothing changes", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "late-editor" });
    const { comment } = await createComment(viewer, article.slug, { body: "Set in stone." });
    clock.set(at(15 * 60_000 + 1_000));
    const error = await expectAppError(editComment(viewer, comment.id, { body: "Too late." }), "forbidden");
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/15 minutes/);
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, include: { revisions: true } });
    expect([row.body, row.editedAt, row.revisions.length]).toEqual(["Set in stone.", null, 0]);
  });

  it("the edit window is a setting", async () => {
    clock.set(t0);
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "window" });
    const { comment } = await createComment(viewer, article.slug, { body: "Quick." });
    await withSetting("editWindowMs", 60_000, async () => {
      clock.set(at(61_000));
      await expectAppError(editComment(viewer, comment.id, { body: "Quicker." }), "forbidden");
    });
    await editComment(viewer, comment.id, { body: "Back to 15 minutes." });
  });
});

describe("deleting", () => {
  it("a deleted comment with replies stays as a placeholder without its text; nothing is destroyed", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "deleter" });
    const { viewer: replier } = await createTestUser({ label: "replier" });
    const parent = await post(author, article.slug, "I will regret this.");
    const reply = await post(replier, article.slug, "You might.", parent.id);
    await deleteComment(author, parent.id);

    for (const viewer of [null, author, replier]) {
      const { threads, total } = await listThread(viewer, article.slug);
      expect(threads.map((t) => [t.id, t.status, t.replies.map((r) => r.id)])).toEqual([
        [parent.id, "deleted", [reply.id]],
      ]);
      expect(total).toBe(1);
      const [json] = threadJson(threads) as {
        body: unknown;
        html: unknown;
        status: string;
        replies: { body: string }[];
      }[];
      expect(json).toMatchObject({ id: parent.id, body: null, html: null, status: "deleted" });
      expect(json.replies[0].body).toBe("You might.");
      expect(JSON.stringify(json)).not.toContain("regret");
    }
    const row = await db.comment.findUniqueOrThrow({ where: { id: parent.id } });
    expect(row).toMatchObject({ status: "deleted", body: "I will regret this.", authorId: author.id });
    expect(row.deletedAt).toBeInstanceOf(Date);

    // Deleting again: it is already gone.
    await expectAppError(deleteComment(author, parent.id), "not_found");
    // When its last reply goes too, the placeholder disappears.
    await deleteComment(replier, reply.id);
    expect((await listThread(null, article.slug)).threads).toEqual([]);
    expect(await commentCount(article.id)).toBe(2);
  });

  it("a deleted comment without replies disappears from the list; its row stays", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "deleter" });
    const keep = await post(viewer, article.slug, "Keep me.");
    const gone = await post(viewer, article.slug, "Remove me.");
    const reply = await post(viewer, article.slug, "A reply I take back.", keep.id);
    await deleteComment(viewer, gone.id);
    await deleteComment(viewer, reply.id);

    const { threads, total } = await listThread(viewer, article.slug);
    expect(threads.map((t) => [t.id, t.replies.length])).toEqual([[keep.id, 0]]);
    expect(total).toBe(1);
    const rows = await db.comment.findMany({
      where: { id: { in: [gone.id, reply.id] } },
      select: { status: true, body: true },
    });
    expect(rows.map((r) => r.status)).toEqual(["deleted", "deleted"]);
    expect(rows.map((r) => r.body).sort()).toEqual(["A reply I take back.", "Remove me."]);
    // A deleted comment cannot be edited, liked or reported any more.
    await expectAppError(editComment(viewer, gone.id, { body: "Back?" }), "not_found");
    const { viewer: other } = await createTestUser({ label: "other" });
    await expectAppError(setCommentLike(other, gone.id, true), "not_found");
    await expectAppError(reportComment(other, gone.id, { reason: "spam" }), "not_found");
  });
});

describe("visibility", () => {
  it("a pending comment is shown only to its author; spam and trash to nobody", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "held" });
    const { viewer: other } = await createTestUser({ label: "reader" });
    const approved = await post(other, article.slug, "Approved.");
    const pending = await post(author, article.slug, "Awaiting moderation.");
    const pendingReply = await post(author, article.slug, "A held reply.", approved.id);
    const spam = await post(author, article.slug, "Buy now.");
    const trash = await post(author, article.slug, "Trashed.");
    await db.comment.updateMany({ where: { id: { in: [pending.id, pendingReply.id] } }, data: { status: "pending" } });
    await db.comment.update({ where: { id: spam.id }, data: { status: "spam" } });
    await db.comment.update({ where: { id: trash.id }, data: { status: "trash" } });

    const ids = (threads: Awaited<ReturnType<typeof listThread>>["threads"]) =>
      threads.flatMap((t) => [t.id, ...t.replies.map((r) => r.id)]);
    for (const viewer of [null, other]) {
      const result = await listThread(viewer, article.slug);
      expect(ids(result.threads)).toEqual([approved.id]);
      expect(result.total).toBe(1);
    }
    const mine = await listThread(author, article.slug);
    expect(ids(mine.threads)).toEqual([approved.id, pendingReply.id, pending.id]);
    expect(mine.total).toBe(3);
    expect(mine.threads[1].status).toBe("pending");
  });
});

describe("likes", () => {
  it("a reader likes once; liking again changes nothing; undoing is idempotent too", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "liked" });
    const { viewer: a } = await createTestUser({ label: "liker-a" });
    const { viewer: b } = await createTestUser({ label: "liker-b" });
    const comment = await post(author, article.slug, "Like me.");

    expect(await setCommentLike(a, comment.id, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await setCommentLike(a, comment.id, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await setCommentLike(b, comment.id, true)).toEqual({ liked: true, likeCount: 2 });
    expect((await listThread(a, article.slug)).liked.has(comment.id)).toBe(true);
    expect(await setCommentLike(a, comment.id, false)).toEqual({ liked: false, likeCount: 1 });
    expect(await setCommentLike(a, comment.id, false)).toEqual({ liked: false, likeCount: 1 });
    expect((await listThread(a, article.slug)).liked.has(comment.id)).toBe(false);

    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, include: { likes: true } });
    expect(row.likeCount).toBe(1);
    expect(row.likes.map((l) => l.userId)).toEqual([b.id]);
    const [json] = threadJson(
      (await listThread(b, article.slug)).threads,
      (await listThread(b, article.slug)).liked,
    ) as { likes: number; liked: boolean }[];
    expect(json).toMatchObject({ likes: 1, liked: true });
  });

  it("concurrent likes by one reader count once", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "liked" });
    const { viewer: a } = await createTestUser({ label: "liker" });
    const comment = await post(author, article.slug, "Race me.");
    await Promise.all(Array.from({ length: 5 }, () => setCommentLike(a, comment.id, true)));
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, include: { likes: true } });
    expect([row.likeCount, row.likes.length]).toEqual([1, 1]);
  });

  it("only approved comments can be liked; an unknown id → not_found", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "held" });
    const { viewer: a } = await createTestUser({ label: "liker" });
    const held = await post(author, article.slug, "Held.");
    await db.comment.update({ where: { id: held.id }, data: { status: "pending" } });
    await expectAppError(setCommentLike(a, held.id, true), "not_found");
    await expectAppError(setCommentLike(a, "nosuchcomment0000000", true), "not_found");
    await expectAppError(setCommentLike(a, "../x", true), "not_found");
  });
});

describe("reports", () => {
  it("a reader reports a comment once; a second report is a conflict; reports are stored and counted", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "reported" });
    const { viewer: a } = await createTestUser({ label: "reporter-a" });
    const { viewer: b } = await createTestUser({ label: "reporter-b" });
    const comment = await post(author, article.slug, "Questionable.");

    expect(await reportComment(a, comment.id, { reason: "spam", note: "  looks automated  " })).toMatchObject({
      reported: true,
      reports: 1,
    });
    const again = await expectAppError(reportComment(a, comment.id, { reason: "harassment" }), "conflict");
    expect(again.status).toBe(409);
    expect(await reportComment(b, comment.id, { reason: "off_topic" })).toMatchObject({ reported: true, reports: 2 });

    const reports = await db.report.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: "asc" } });
    expect(reports.map((r) => [r.reporterId, r.reason, r.note])).toEqual([
      [a.id, "spam", "looks automated"],
      [b.id, "off_topic", null],
    ]);
  });

  it("refuses an unknown reason with fields.reason and stores nothing", async () => {
    const article = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "reported" });
    const { viewer: a } = await createTestUser({ label: "reporter" });
    const comment = await post(author, article.slug, "Fine words.");
    for (const input of [{}, { reason: "boring" }, { reason: "spam", note: "n".repeat(501) }]) {
      const error = await expectAppError(reportComment(a, comment.id, input), "bad_request");
      expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(
      (await expectAppError(reportComment(a, comment.id, { reason: "boring" }), "bad_request")).fields?.reason,
    ).toMatch(/spam/);
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("one's own comment cannot be reported", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "self" });
    const comment = await post(viewer, article.slug, "My own.");
    const error = await expectAppError(reportComment(viewer, comment.id, { reason: "spam" }), "rule_violation");
    expect(error.status).toBe(422);
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(0);
  });
});
