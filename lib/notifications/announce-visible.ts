import type { Viewer } from "@/lib/auth/viewer";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type NotificationClient, notifyFollowers, recordNotifications } from "./record-notification";

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
 * `known`: the items as the caller just wrote them (a new post: approved, its ids are `ids`), so
 * they are not read back.
 */
export async function announceVisible(tx: NotificationClient, kind: VisibleKind, ids: string[], known?: VisibleItem[]) {
  if (!ids.length) return;
  const items = known ?? (await readVisible(tx, kind, ids));
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
