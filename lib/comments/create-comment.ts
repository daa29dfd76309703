import { requireContributor } from "@/lib/auth/can-contribute";
import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitLiveEvents } from "@/lib/live/emit-live-events";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { announceVisible, autoFollow } from "@/lib/notifications/announce-visible";
import { notifyReplies } from "@/lib/notifications/notify-reply";
import { claimInterval, releaseInterval } from "@/lib/rate-limit/claim-interval";
import { getSettings } from "@/lib/settings/get-settings";
import { createCommentSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";
import { decideInitialStatus } from "./decide-initial-status";
import { findArticleForDiscussion } from "./find-open-article";

export const floodKey = (userId: string) => `flood:${userId}`;

// Posts a comment or a reply. Order: who → what → where → duplicate → flood (last, so a refused
// post does not use up the user's slot).
export async function createComment(viewer: Viewer | null, slug: string, input: unknown) {
  const me = await requireContributor(viewer);
  const parsed = parseInput(createCommentSchema, input);
  const { body, parentId } = parsed;
  const settings = await getSettings();
  const article = await findArticleForDiscussion(slug, { forWriting: true, settings });

  let parent: { id: string; threadId: string; depth: number } | null = null;
  if (parentId) {
    parent = await db.comment.findFirst({
      where: {
        id: parentId,
        articleId: article.id,
        status: { in: ["approved", "pending"] },
        OR: [{ status: "approved" }, { authorId: me.id }],
      },
      select: { id: true, threadId: true, depth: true },
    });
    if (!parent)
      throw new AppError(
        "not_found",
        "The comment you are replying to does not exist on this article (or was removed).",
        { parentId: "No such comment on this article." },
      );
  }

  const since = new Date(clock.now().getTime() - settings.duplicateWindowMs);
  const duplicate = await db.comment.findFirst({
    where: { authorId: me.id, articleId: article.id, body, createdAt: { gte: since }, status: { not: "deleted" } },
    select: { id: true },
  });
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
    const decided = await decideInitialStatus(me, { body, articleId: article.id }, settings);
    status = decided.status;
    const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
    // The row alone is one INSERT … RETURNING (the author is read after: with it in the same
    // select Prisma adds two reads).
    // The comment, what it announces (reply and follower notifications, the followers' digest)
    // and the author's automatic follow are stored together or not at all.
    row = await db.$transaction(async (tx) => {
      const created = await tx.comment.create({
        data: {
          id,
          articleId: article.id,
          parentId: parent?.id ?? null,
          threadId: parent?.threadId ?? id,
          depth: parent ? parent.depth + 1 : 0,
          authorId: me.id,
          body,
          html: renderSafeMarkdown(body),
          status,
          holdReasons: decided.reasons,
          createdAt: clock.now(),
        },
        select: rowFields,
      });
      if (status === "approved") await announceVisible(tx, "comment", [id]);
      await autoFollow(tx, me.id, article.id);
      return created;
    });
  } catch (e) {
    // Nothing was stored: the slot is given back.
    if (!exempt) await releaseInterval(floodKey(me.id));
    throw e;
  }
  // Stored: from here on a failure must not give the flood slot back.
  const comment = {
    ...row,
    author: await db.user.findUnique({ where: { id: me.id }, select: commentFields.author.select }),
  };
  if (status === "approved")
    await Promise.all([
      invalidateArticlePages(article.slug),
      emitLiveEvents([{ kind: "comment", action: "created", articleId: article.id, itemId: row.id }]),
    ]);
  if (status === "approved" && parent) await notifyReplies("comment", [comment.id]);
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
const { author: _author, ...rowFields } = commentFields;
