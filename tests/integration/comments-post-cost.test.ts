import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { listOutbox } from "@/lib/mail/send-mail";
import { digestJobKey } from "@/lib/notifications/announce-visible";
import { setFollowing } from "@/lib/notifications/follow-article";
import { defaultSettings } from "@/lib/settings/get-settings";
import { createApiToken, viewerFromApiToken } from "@/lib/users/api-tokens";
import { insertArticle } from "../seed/articles";
import { member } from "../seed/users";
import { countStatements as countSQL } from "./count-statements";

// What one post costs in round trips to PostgreSQL (bench-comments' posting p99: on a busy server
// every statement waits its turn, and a reply once took ~33: now 8 for a post, 9 for a reply), and
// that the post still writes all it announces: the reply and follower notifications, the digest job, the reply mail, the follow.

/** Statements sent while `fn` runs, after the jobs queued so far have run. */
const countStatements = <T>(fn: () => Promise<T>) => countSQL(fn, runJobsUntilIdle);

const later = () => clock.advance(defaultSettings.floodIntervalMs + 1_000);

describe("posting a comment: round trips and what it writes", () => {
  it("a token's request, a top-level post and a reply with everything it announces stay within nine statements", async () => {
    clock.set(new Date("2033-03-01T10:00:00Z"));
    const { id: articleId, slug } = await insertArticle({ label: "post-cost" });
    const parentAuthor = await member("commenter", { name: "Pat Parent" });
    const follower = await member("commenter", { name: "Flo Follower" });
    const poster = await member("commenter", { name: "Rae Replier" });
    await setFollowing(follower, slug, true);
    const { secret } = await createApiToken(poster, { name: "script" });
    await viewerFromApiToken(secret, { scope: "comments" }); // notes its use: the next minute reads only

    const auth = await countStatements(() => viewerFromApiToken(secret, { scope: "comments" }));
    expect(auth.result).toMatchObject({ id: poster.id, name: "Rae Replier" });
    expect(auth.statements, auth.statements.join("\n")).toHaveLength(1);

    later();
    const parent = (await createComment(parentAuthor, slug, { body: "The parent comment." })).comment;
    later();
    const top = await countStatements(() => createComment(poster, slug, { body: "A top-level comment." }));
    expect(top.result.held).toBe(false);
    expect(top.statements.length, top.statements.join("\n")).toBeLessThanOrEqual(8);
    expect(top.result.comment.author).toEqual({ id: poster.id, name: "Rae Replier", image: null, deletedAt: null });

    later();
    const reply = await countStatements(() =>
      createComment(poster, slug, { body: "A reply to the parent.", parentId: parent.id }),
    );
    expect(reply.result.held).toBe(false);
    expect(reply.statements.length, reply.statements.join("\n")).toBeLessThanOrEqual(9);

    // What the reply wrote, in its own transaction: nothing waits for after the answer.
    const id = reply.result.comment.id;
    const stored = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(stored.replyNotifiedAt).toEqual(stored.createdAt);
    const notes = await db.notification.findMany({
      where: { url: `/articles/${slug}/comments/${id}` },
      select: { userId: true, type: true, actorId: true, key: true, excerpt: true },
      orderBy: { type: "asc" },
    });
    expect(notes).toEqual(
      expect.arrayContaining([
        {
          userId: parentAuthor.id,
          type: "reply",
          actorId: poster.id,
          key: `reply:comment:${id}`,
          excerpt: "A reply to the parent.",
        },
        {
          userId: follower.id,
          type: "comment",
          actorId: poster.id,
          key: `comment:${id}`,
          excerpt: "A reply to the parent.",
        },
      ]),
    );
    // The parent's author is told once (as a reply); the poster and the parent's author follow now.
    expect(notes.filter((n) => n.userId === parentAuthor.id)).toHaveLength(1);
    expect(notes.some((n) => n.userId === poster.id)).toBe(false);
    const follows = await db.articleFollow.findMany({ where: { articleId }, select: { userId: true } });
    expect(follows.map((f) => f.userId).sort()).toEqual([parentAuthor.id, follower.id, poster.id].sort());
    expect(await db.job.count({ where: { kind: "mail", payload: { path: ["to"], equals: parentAuthor.email } } })).toBe(
      1,
    );

    // The worker sends the reply mail (once) and the follower's digest.
    await runJobsUntilIdle();
    const outbox = await listOutbox(1000);
    const replyMails = outbox.filter((m) => m.to === parentAuthor.email && m.text.includes("A reply to the parent."));
    expect(replyMails).toHaveLength(1);
    expect(replyMails[0].text).toContain(`/articles/${slug}/comments/${id}`);
    expect(outbox.some((m) => m.to === follower.email)).toBe(true);
    expect(await db.job.count({ where: { key: digestJobKey(articleId), runAt: { lte: clock.now() } } })).toBe(0);
  });

  it("a reply to oneself or to someone who turned reply mail off queues no mail and marks nothing", async () => {
    clock.set(new Date("2033-03-02T10:00:00Z"));
    const { slug } = await insertArticle({ label: "post-cost-quiet" });
    const author = await member("commenter", { name: "Quinn Quiet" });
    await db.user.update({ where: { id: author.id }, data: { notifyReplies: false } });
    const replier = await member();
    later();
    const parent = (await createComment(author, slug, { body: "Mine." })).comment;
    later();
    const own = (await createComment(author, slug, { body: "Replying to myself.", parentId: parent.id })).comment;
    later();
    const other = (await createComment(replier, slug, { body: "Replying to Quinn.", parentId: parent.id })).comment;
    for (const id of [own.id, other.id])
      expect((await db.comment.findUniqueOrThrow({ where: { id } })).replyNotifiedAt).toBeNull();
    expect(await db.job.count({ where: { kind: "mail", payload: { path: ["to"], equals: author.email } } })).toBe(0);
    // The in-app reply notification still reaches Quinn for the other's reply, not for their own.
    expect(await db.notification.count({ where: { userId: author.id, type: "reply" } })).toBe(1);
  });
});
