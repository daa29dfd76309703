import { requireContributorProfile } from "@/lib/auth/can-contribute";
import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitLiveEvents } from "@/lib/live/emit-live-events";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { newCommentAnnouncement } from "@/lib/notifications/announce-visible";
import { replyMailFor } from "@/lib/notifications/notify-reply";
import { claimInterval, releaseInterval } from "@/lib/rate-limit/claim-interval";
import { getSettings } from "@/lib/settings/get-settings";
import { createCommentSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";
import { decideInitialStatus } from "./decide-initial-status";
import { findArticleForDiscussion } from "./find-open-article";

export const floodKey = (userId: string) => `flood:${userId}`;

type ParentRow = {
  id: string;
  threadId: string;
  depth: number;
  authorId: string | null;
  email: string | null;
  name: string | null;
  notifyReplies: boolean | null;
  deletedAt: Date | null;
};

// Posts a comment or a reply. Order: who → what → where → duplicate → flood (last, so a refused
// post does not use up the user's slot). Independent reads go together (the account and the
// settings; the parent and the duplicate check), and what a visible post announces is written
// from what is known here, not read back: a post is 8 round trips to PostgreSQL, a reply 9
// (tests/integration/comments-post-cost.test.ts).
export async function createComment(viewer: Viewer | null, slug: string, input: unknown) {
  // The settings and the article are read beside the author; their answers (and refusals) are
  // taken in the order above.
  const settingsRead = getSettings();
  const articleRead = findArticleForDiscussion(slug, { forWriting: true, settings: settingsRead });
  for (const read of [settingsRead, articleRead]) read.catch(() => {}); // unless the author is refused first
  const { me, profile } = await requireContributorProfile(viewer);
  const parsed = parseInput(createCommentSchema, input);
  const { body, parentId } = parsed;
  const settings = await settingsRead;
  const article = await articleRead;

  const since = new Date(clock.now().getTime() - settings.duplicateWindowMs);
  const [parentRows, duplicate] = await Promise.all([
    parentId
      ? db.$queryRaw<ParentRow[]>`
          SELECT c."id", c."threadId", c."depth", c."authorId", u."email", u."name", u."notifyReplies", u."deletedAt"
          FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId"
          WHERE c."id" = ${parentId} AND c."articleId" = ${article.id}
            AND (c."status" = 'approved' OR (c."status" = 'pending' AND c."authorId" = ${me.id}))`
      : Promise.resolve([] as ParentRow[]),
    db.comment.findFirst({
      where: { authorId: me.id, articleId: article.id, body, createdAt: { gte: since }, status: { not: "deleted" } },
      select: { id: true },
    }),
  ]);
  const parent = parentRows[0] ?? null;
  if (parentId && !parent)
    throw new AppError(
      "not_found",
      "The comment you are replying to does not exist on this article (or was removed).",
      {
        parentId: "No such comment on this article.",
      },
    );
  if (duplicate) throw new AppError("conflict", "You already said that.", { body: "You already said that." });

  const exempt = roleCan(me.role, "comments.moderate");
  if (!exempt) {
    const wait = await claimInterval(floodKey(me.id), settings.floodIntervalMs);
    if (wait > 0)
      throw new AppError("rate_limited", `You are posting too fast. You can post again in ${wait} s.`, undefined, wait);
  }

  let row;
  let status: Awaited<ReturnType<typeof decideInitialStatus>>["status"];
  try {
    const html = renderSafeMarkdown(body); // once: the link rule counts the links it shows
    const decided = await decideInitialStatus(me, { body, articleId: article.id, html }, settings, profile);
    status = decided.status;
    const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
    const now = clock.now();
    // A reply visible at once tells its parent's author by mail (lib/notifications/notify-reply.ts):
    // the mail is queued by the statement that stores the reply as announced.
    const mail =
      status === "approved" && parent
        ? replyMailFor("comment", {
            id,
            body,
            status,
            replyNotifiedAt: null,
            authorId: me.id,
            author: { name: profile.name },
            article: { slug: article.slug, title: article.title },
            parent: {
              id: parent.id,
              author:
                parent.authorId && parent.email !== null
                  ? {
                      id: parent.authorId,
                      email: parent.email,
                      name: parent.name ?? "",
                      notifyReplies: !!parent.notifyReplies,
                      deletedAt: parent.deletedAt,
                    }
                  : null,
            },
          })
        : null;
    // The comment, what it announces (reply and follower notifications, the followers' digest,
    // the reply mail) and the author's automatic follow: one statement, stored together or not at
    // all. The row is what was written (no read-back).
    const threadId = parent?.threadId ?? id;
    const depth = parent ? parent.depth + 1 : 0;
    const announcement = newCommentAnnouncement(
      {
        id,
        articleId: article.id,
        authorId: me.id,
        body,
        articleSlug: article.slug,
        parentAuthorId: parent?.authorId ?? null,
      },
      { visible: status === "approved", replyMail: mail },
    );
    await db.$executeRaw`
      WITH comment AS (
        INSERT INTO "Comment" ("id", "articleId", "parentId", "threadId", "depth", "authorId", "body", "html", "status", "holdReasons", "createdAt", "replyNotifiedAt")
        VALUES (${id}, ${article.id}, ${parent?.id ?? null}, ${threadId}, ${depth}, ${me.id}, ${body}, ${html}, ${status}::"ContributionStatus", ${decided.reasons}::text[], ${now}, ${mail ? now : null})
        RETURNING 1
      ), ${announcement}
      SELECT 1`;
    row = {
      id,
      articleId: article.id,
      parentId: parent?.id ?? null,
      threadId,
      depth,
      body,
      html,
      status,
      holdReasons: decided.reasons,
      likeCount: 0,
      createdAt: now,
      editedAt: null,
      authorName: null,
    } satisfies CommentRowFields; // every field the thread shows
  } catch (e) {
    // Nothing was stored: the slot is given back.
    if (!exempt) await releaseInterval(floodKey(me.id));
    throw e;
  }
  // Stored: from here on a failure must not give the flood slot back.
  const comment = {
    ...row,
    author: { id: me.id, name: profile.name, image: profile.image, deletedAt: null },
  };
  if (status === "approved")
    await Promise.all([
      invalidateArticlePages(article.slug, {
        discussionOnly: true,
        added: { thread: row.parentId ? row.threadId : null },
      }),
      emitLiveEvents([{ kind: "comment", action: "created", articleId: article.id, itemId: row.id }]),
    ]);
  return { comment, held: status !== "approved", article };
}

export const commentFields = {
  id: true,
  articleId: true,
  parentId: true,
  threadId: true,
  depth: true,
  body: true,
  html: true,
  status: true,
  holdReasons: true,
  likeCount: true,
  createdAt: true,
  editedAt: true,
  authorName: true,
  author: { select: { id: true, name: true, image: true, deletedAt: true } },
} as const;
/** A comment's row as the thread shows it, without its author. */
export type CommentRowFields = Prisma.CommentGetPayload<{ select: Omit<typeof commentFields, "author"> }>;
