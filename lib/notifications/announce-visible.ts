import crypto from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import {
  type NotificationClient,
  notificationExcerpt,
  notifyFollowers,
  recordNotifications,
} from "./record-notification";

export type VisibleKind = "comment" | "annotation";

export const itemUrl = (kind: VisibleKind, slug: string, id: string) =>
  `/articles/${slug}/${kind === "comment" ? "comments" : "annotations"}/${id}`;

/** The follow-digest job of an article: one waiting at a time (lib/notifications/follow-digest.ts). */
export const digestJobKey = (articleId: string) => `follow-digest:${articleId}`;

/** What announcing an item needs to know of it. */
export type VisibleItem = {
  id: string;
  articleId: string;
  authorId: string | null;
  body: string;
  articleSlug: string;
  /** The author of the comment (or note) it replies to, if any. */
  parentAuthorId: string | null;
};

/**
 * Items that just became visible to readers (posted without a hold, or approved): in the caller's
 * transaction, a `reply` notification for the parent's author and, for comments, a `comment`
 * notification for every follower of the article (the parent's author is told once, as a reply),
 * and the followers' mail digest is scheduled. Idempotent: a second call writes nothing new.
 * (A new comment writes the same in its own insert statement: `newCommentAnnouncement` below.)
 */
export async function announceVisible(tx: NotificationClient, kind: VisibleKind, ids: string[]) {
  if (!ids.length) return;
  const items = await readVisible(tx, kind, ids);
  const digests = new Set<string>();
  for (const item of items) {
    const url = itemUrl(kind, item.articleSlug, item.id);
    const parentAuthor = item.parentAuthorId;
    if (parentAuthor)
      await recordNotifications(tx, [
        {
          userId: parentAuthor,
          type: "reply",
          url,
          actorId: item.authorId,
          excerpt: item.body,
          articleId: item.articleId,
          key: `reply:${kind}:${item.id}`,
        },
      ]);
    if (kind === "comment") {
      const told = await notifyFollowers(tx, {
        articleId: item.articleId,
        commentId: item.id,
        actorId: item.authorId,
        url,
        excerpt: item.body,
        exclude: parentAuthor ? [parentAuthor] : [],
      });
      if (told) digests.add(item.articleId);
    }
  }
  for (const articleId of digests)
    await enqueueJob(tx, { kind: "follow-digest", payload: { articleId }, key: digestJobKey(articleId) });
}

async function readVisible(tx: NotificationClient, kind: VisibleKind, ids: string[]): Promise<VisibleItem[]> {
  const select = {
    id: true,
    articleId: true,
    authorId: true,
    body: true,
    status: true,
    article: { select: { slug: true } },
    parent: { select: { authorId: true } },
  } as const;
  const items =
    kind === "comment"
      ? await tx.comment.findMany({ where: { id: { in: ids }, status: "approved" }, select })
      : await tx.annotation.findMany({ where: { id: { in: ids }, status: "approved", audience: "public" }, select });
  return items.map((i) => ({
    id: i.id,
    articleId: i.articleId,
    authorId: i.authorId,
    body: i.body,
    articleSlug: i.article.slug,
    parentAuthorId: i.parent?.authorId ?? null,
  }));
}

/** A moderator approved held contributions: their authors are told (once per item). */
export async function announceApproved(tx: NotificationClient, me: Viewer, kind: VisibleKind, ids: string[]) {
  if (!ids.length) return;
  const select = {
    id: true,
    articleId: true,
    authorId: true,
    body: true,
    article: { select: { slug: true } },
  } as const;
  const items =
    kind === "comment"
      ? await tx.comment.findMany({ where: { id: { in: ids } }, select })
      : await tx.annotation.findMany({ where: { id: { in: ids }, audience: "public" }, select });
  await recordNotifications(
    tx,
    items
      .filter((i) => i.authorId)
      .map((i) => ({
        userId: i.authorId!,
        type: "approved" as const,
        url: itemUrl(kind, i.article.slug, i.id),
        actorId: me.id,
        excerpt: i.body,
        articleId: i.articleId,
        key: `approved:${kind}:${i.id}`,
      })),
  );
}

/** Commenting or annotating follows the discussion, unless the account turned that off. */
export async function autoFollow(tx: NotificationClient, userId: string, articleId: string) {
  await tx.$executeRaw`
    INSERT INTO "ArticleFollow" ("userId", "articleId", "createdAt")
    SELECT u."id", ${articleId}, now() FROM "User" u WHERE u."id" = ${userId} AND u."autoFollow"
    ON CONFLICT DO NOTHING`;
}

/**
 * A comment just posted: what `announceVisible` and `autoFollow` write for it (when `visible`: the
 * parent's author's `reply`, the followers' `comment`s, the digest job when a follower was told;
 * always: the author's automatic follow) and, when given, the reply mail's job — as common table
 * expressions for the caller's one statement that also inserts the comment
 * (lib/comments/create-comment.ts): a post pays one round trip to PostgreSQL for all of it, and
 * one statement is stored whole or not at all. The same rows, keys and conflicts as the separate
 * calls; idempotent like them.
 */
export function newCommentAnnouncement(
  item: VisibleItem & { authorId: string },
  options: { visible: boolean; replyMail?: object | null },
): Prisma.Sql {
  const now = clock.now();
  const url = itemUrl("comment", item.articleSlug, item.id);
  const excerpt = notificationExcerpt(item.body);
  const parentAuthor =
    options.visible && item.parentAuthorId && item.parentAuthorId !== item.authorId ? item.parentAuthorId : null;
  const followKey = `comment:${item.id}`;
  const excluded = [item.authorId, ...(item.parentAuthorId ? [item.parentAuthorId] : [])];
  const jobId = () => crypto.randomUUID().replace(/-/g, "").slice(0, 24);
  const mail = options.visible && options.replyMail ? JSON.stringify(options.replyMail) : null;
  return Prisma.sql`reply AS (
      INSERT INTO "Notification" ("id", "userId", "type", "url", "actorId", "excerpt", "articleId", "key", "createdAt")
      SELECT ${`n${crypto.randomBytes(12).toString("base64url")}`}, ${parentAuthor}::text, 'reply'::"NotificationType", ${url}, ${item.authorId}, ${excerpt}, ${item.articleId}, ${`reply:comment:${item.id}`}, ${now}
      WHERE ${parentAuthor}::text IS NOT NULL
      ON CONFLICT ("userId", "key") DO NOTHING
      RETURNING 1
    ), told AS (
      INSERT INTO "Notification" ("id", "userId", "type", "url", "actorId", "excerpt", "articleId", "key", "createdAt")
      SELECT 'n' || md5(random()::text || f."userId" || ${followKey}), f."userId", 'comment'::"NotificationType", ${url}, ${item.authorId}, ${excerpt}, ${item.articleId}, ${followKey}, ${now}
      FROM "ArticleFollow" f JOIN "User" u ON u."id" = f."userId"
      WHERE ${options.visible}::boolean AND f."articleId" = ${item.articleId} AND u."deletedAt" IS NULL AND NOT (f."userId" = ANY(${excluded}))
      ON CONFLICT ("userId", "key") DO NOTHING
      RETURNING 1
    ), digest AS (
      INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "createdAt")
      SELECT ${jobId()}, 'follow-digest', ${JSON.stringify({ articleId: item.articleId })}::jsonb, ${digestJobKey(item.articleId)}, ${now}, 12, ${now}
      WHERE EXISTS (SELECT 1 FROM told)
      ON CONFLICT ("key") DO NOTHING
      RETURNING 1
    ), mail AS (
      INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "createdAt")
      SELECT ${jobId()}, 'mail', ${mail}::jsonb, NULL, ${now}, 12, ${now}
      WHERE ${mail}::jsonb IS NOT NULL
      RETURNING 1
    ), follow AS (
      INSERT INTO "ArticleFollow" ("userId", "articleId", "createdAt")
      SELECT u."id", ${item.articleId}, now() FROM "User" u WHERE u."id" = ${item.authorId} AND u."autoFollow"
      ON CONFLICT DO NOTHING
      RETURNING 1
    )`;
}
