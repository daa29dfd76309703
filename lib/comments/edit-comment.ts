import { requireContributor } from "@/lib/auth/can-contribute";
import { requireEditWindow } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { emitLiveEvents, isPublic } from "@/lib/live/emit-live-events";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { recheckStatus } from "@/lib/moderation/recheck-status";
import { getSettings } from "@/lib/settings/get-settings";
import { editCommentSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";
import { commentFields } from "./create-comment";
import { findOwnComment } from "./find-own-comment";

// The author edits within the edit window; the earlier text is kept as a revision.
export async function editComment(viewer: Viewer | null, commentId: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const comment = await findOwnComment(me, commentId);
  const parsed = parseInput(editCommentSchema, input);
  const { editWindowMs } = await getSettings();
  requireEditWindow(comment, editWindowMs, "Comments");
  if (parsed.body === comment.body)
    return db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentFields });
  // The new text passes the rules a new comment would (an approved comment can become held).
  const held = await recheckStatus(me, { body: parsed.body, articleId: comment.articleId }, comment);
  const [, updated] = await db.$transaction([
    db.commentRevision.create({
      data: { commentId: comment.id, body: comment.body, editedById: me.id, createdAt: clock.now() },
    }),
    db.comment.update({
      where: { id: comment.id },
      data: { body: parsed.body, html: renderSafeMarkdown(parsed.body), editedAt: clock.now(), ...(held ?? {}) },
      select: commentFields,
    }),
  ]);
  await invalidateArticlePages(comment.article.slug, { discussionOnly: true });
  // Held by the recheck: readers watching live lose it as they would on their next load.
  if (isPublic(updated.status))
    await emitLiveEvents([{ kind: "comment", action: "updated", articleId: updated.articleId, itemId: updated.id }]);
  else if (isPublic(comment.status))
    await emitLiveEvents([{ kind: "comment", action: "removed", articleId: updated.articleId, itemId: updated.id }]);
  return updated;
}
