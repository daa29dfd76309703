import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { commentIdSchema } from "@/lib/validation/comment";

/** Where a comment's permalink leads: the page (oldest first) that holds its thread. */
export async function locateComment(viewer: Viewer | null, slug: string, rawId: unknown) {
  const id = commentIdSchema.safeParse(rawId);
  const comment = id.success
    ? await db.comment.findFirst({
        where: {
          id: id.data,
          article: { slug, status: "published" },
          OR: [
            { status: { in: ["approved", "deleted"] } },
            ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
          ],
        },
        select: { id: true, threadId: true },
      })
    : null;
  if (!comment) throw new AppError("not_found", "That comment does not exist.");
  const root = await db.comment.findUniqueOrThrow({
    where: { id: comment.threadId },
    select: { id: true, articleId: true, createdAt: true },
  });
  const before = await db.comment.count({
    where: {
      articleId: root.articleId,
      parentId: null,
      OR: [{ createdAt: { lt: root.createdAt } }, { createdAt: root.createdAt, id: { lt: root.id } }],
      AND: [
        {
          OR: [
            { status: "approved" },
            { status: "deleted", replies: { some: { status: "approved" } } },
            ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
          ],
        },
      ],
    },
  });
  const { commentsPerPage, commentsPerLoad } = await getSettings();
  return { id: comment.id, page: Math.floor(before / Math.min(commentsPerPage, Math.max(1, commentsPerLoad))) + 1 };
}
