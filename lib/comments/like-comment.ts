import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { commentIdSchema } from "@/lib/validation/comment";

async function findLikeable(rawId: unknown) {
  const id = commentIdSchema.safeParse(rawId);
  const comment = id.success
    ? await db.comment.findFirst({
        where: { id: id.data, status: "approved" },
        select: { id: true, authorId: true, article: { select: { slug: true } } },
      })
    : null;
  if (!comment) throw new AppError("not_found", "That comment does not exist.");
  return comment;
}

/** Likes once (idempotent: liking again changes nothing); `liked: false` undoes it. Not one's own comment. */
export async function setCommentLike(viewer: Viewer | null, commentId: unknown, liked: boolean) {
  const me = await requireContributor(viewer);
  const comment = await findLikeable(commentId);
  if (liked && comment.authorId === me.id) throw new AppError("rule_violation", "You cannot like your own comment.");
  await enforceRateLimit(`like:${me.id}`, (await getSettings()).likeLimit, "You are liking too fast.");
  // ON CONFLICT DO NOTHING: a second like is a no-op instead of a unique violation that would abort
  // the transaction.
  const { likeCount, changed } = await db.$transaction(async (tx) => {
    const { count } = liked
      ? await tx.commentLike.createMany({ data: [{ commentId: comment.id, userId: me.id }], skipDuplicates: true })
      : await tx.commentLike.deleteMany({ where: { commentId: comment.id, userId: me.id } });
    if (count)
      return {
        changed: true,
        likeCount: (
          await tx.comment.update({
            where: { id: comment.id },
            data: { likeCount: liked ? { increment: 1 } : { decrement: 1 } },
            select: { likeCount: true },
          })
        ).likeCount,
      };
    return {
      changed: false,
      likeCount: (await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { likeCount: true } }))
        .likeCount,
    };
  });
  // A like that changes nothing keeps the article's cached pages.
  if (changed) await invalidateArticlePages(comment.article.slug, { discussionOnly: true });
  return { liked, likeCount };
}
