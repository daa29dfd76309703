import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { commentIdSchema } from "@/lib/validation/comment";
import { findReviewArticle } from "./find-review-article";
import { reviewNoteFields } from "./review-note-json";

/** An article's review notes and replies, oldest first (404 to anyone but editors+ and its author). */
export async function listReviewNotes(viewer: Viewer | null, slug: string) {
  const article = await findReviewArticle(viewer, slug);
  const notes = await db.reviewNote.findMany({
    where: { articleId: article.id, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2000,
    select: reviewNoteFields,
  });
  return { article, notes };
}

/** One review note the viewer may see. */
export async function getReviewNote(viewer: Viewer | null, slug: string, rawId: unknown) {
  const article = await findReviewArticle(viewer, slug);
  const id = commentIdSchema.safeParse(rawId);
  const row = id.success
    ? await db.reviewNote.findFirst({
        where: { id: id.data, articleId: article.id, deletedAt: null },
        select: reviewNoteFields,
      })
    : null;
  if (!row) throw new AppError("not_found", "No such review note.");
  return { article, row };
}
