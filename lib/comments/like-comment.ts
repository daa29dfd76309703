import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { commentIdSchema } from "@/lib/validation/comment";

async function findLikeable(rawId: unknown) {
  const id = commentIdSchema.safeParse(rawId);
  const comment = id.success ? await db.comment.findFirst({ where: { id: id.data, status: "approved" }, select: { id: true, article: { select: { slug: true } } } }) : null;
  if (!comment) throw new AppError("not_found", "That comment does not exist.");
  return comment;
}

/** Likes once (idempotent: liking again changes nothing); `liked: false` undoes it. */
export async function setCommentLike(viewer: Viewer | null, commentId: unknown, liked: boolean) {
  const me = await requireContributor(viewer);
  const comment = await findLikeable(commentId);
  const likeCount = await db.$transaction(async (tx) => {
    if (liked) {
      try {
        await tx.commentLike.create({ data: { commentId: comment.id, userId: me.id } });
        return (await tx.comment.update({ where: { id: comment.id }, data: { likeCount: { increment: 1 } }, select: { likeCount: true } })).likeCount;
      } catch (e) {
        if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
      }
    } else {
      const { count } = await tx.commentLike.deleteMany({ where: { commentId: comment.id, userId: me.id } });
      if (count) return (await tx.comment.update({ where: { id: comment.id }, data: { likeCount: { decrement: 1 } }, select: { likeCount: true } })).likeCount;
    }
    return (await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { likeCount: true } })).likeCount;
  });
  await invalidateArticlePages(comment.article.slug);
  return { liked, likeCount };
}
