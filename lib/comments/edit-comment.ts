import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { getSettings } from "@/lib/settings/get-settings";
import { recheckStatus } from "@/lib/moderation/recheck-status";
import { editCommentSchema } from "@/lib/validation/comment";
import { commentFields } from "./create-comment";
import { findOwnComment } from "./find-own-comment";

// The author edits within the edit window; the earlier text is kept as a revision.
export async function editComment(viewer: Viewer | null, commentId: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const comment = await findOwnComment(me, commentId);
  const parsed = editCommentSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { editWindowMs } = await getSettings();
  if (clock.now().getTime() - comment.createdAt.getTime() > editWindowMs)
    throw new AppError("forbidden", `Comments can be edited for ${Math.round(editWindowMs / 60_000)} minutes after posting; this one can no longer be edited.`);
  if (parsed.data.body === comment.body) return db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentFields });
  // The new text passes the rules a new comment would (an approved comment can become held).
  const held = await recheckStatus(me, { body: parsed.data.body, articleId: comment.articleId }, comment);
  const [, updated] = await db.$transaction([
    db.commentRevision.create({ data: { commentId: comment.id, body: comment.body, editedById: me.id, createdAt: clock.now() } }),
    db.comment.update({ where: { id: comment.id }, data: { body: parsed.data.body, html: renderSafeMarkdown(parsed.data.body), editedAt: clock.now(), ...(held ?? {}) }, select: commentFields }),
  ]);
  await invalidateArticlePages(comment.article.slug);
  return updated;
}
