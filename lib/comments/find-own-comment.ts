import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { commentIdSchema } from "@/lib/validation/comment";

/** A comment its author may change: 404 when missing or already deleted, 403 when someone else's. */
export async function findOwnComment(me: Viewer, rawId: unknown) {
  const id = commentIdSchema.safeParse(rawId);
  const comment = id.success
    ? await db.comment.findUnique({
        where: { id: id.data },
        select: {
          id: true,
          articleId: true,
          authorId: true,
          status: true,
          holdReasons: true,
          body: true,
          createdAt: true,
          article: { select: { slug: true } },
        },
      })
    : null;
  if (!comment || comment.status === "deleted") throw new AppError("not_found", "That comment does not exist.");
  if (comment.authorId !== me.id)
    throw new AppError("forbidden", "Only its author can change a comment; moderators act through moderation.");
  return comment;
}
