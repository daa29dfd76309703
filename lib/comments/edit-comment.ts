import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { emitLiveEvents, isPublic } from "@/lib/live/emit-live-events";
import { requireContributor } from "@/lib/auth/can-contribute";
import { requireEditWindow } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { getSettings } from "@/lib/settings/get-settings";
import { editCommentSchema } from "@/lib/validation/comment";
import { commentFields } from "./create-comment";
import { findOwnComment } from "./find-own-comment";
import { parseInput } from "@/lib/validation/parse-input";

// The author edits within the edit window; the earlier text is kept as a revision.
export async function editComment(viewer: Viewer | null, commentId: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const comment = await findOwnComment(me, commentId);
  const parsed = parseInput(editCommentSchema, input);
  const { editWindowMs } = await getSettings();
  requireEditWindow(comment, editWindowMs, "Comments");
  if (parsed.body === comment.body) return db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentFields });
  const [, updated] = await db.$transaction([
    db.commentRevision.create({ data: { commentId: comment.id, body: comment.body, editedById: me.id, createdAt: clock.now() } }),
    db.comment.update({ where: { id: comment.id }, data: { body: parsed.body, html: renderSafeMarkdown(parsed.body), editedAt: clock.now() }, select: commentFields }),
  ]);
  await invalidateArticlePages(comment.article.slug);
  if (isPublic(updated.status)) await emitLiveEvents([{ kind: "comment", action: "updated", articleId: updated.articleId, itemId: updated.id }]);
  return updated;
}
