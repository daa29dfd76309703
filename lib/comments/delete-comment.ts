import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { emitLiveEvents, isPublic } from "@/lib/live/emit-live-events";
import { findOwnComment } from "./find-own-comment";

// The author deletes: the comment becomes `deleted` (a placeholder while it has replies). Its text
// stays in the database for moderators; nothing is destroyed.
export async function deleteComment(viewer: Viewer | null, commentId: unknown) {
  const me = await requireContributor(viewer);
  const comment = await findOwnComment(me, commentId);
  await db.comment.update({ where: { id: comment.id }, data: { status: "deleted", deletedAt: clock.now() } });
  await invalidateArticlePages(comment.article.slug, { removal: true, discussionOnly: true });
  if (isPublic(comment.status))
    await emitLiveEvents([{ kind: "comment", action: "removed", articleId: comment.articleId, itemId: comment.id }]);
}
