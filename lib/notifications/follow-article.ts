import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { db } from "@/lib/db";

/** Whether the viewer follows the discussion of the published article at `slug` (404 otherwise). */
export async function getFollowing(viewer: Viewer | null, slug: string) {
  const me = requireViewer(viewer);
  const article = await findArticleForDiscussion(slug);
  const row = await db.articleFollow.findUnique({
    where: { userId_articleId: { userId: me.id, articleId: article.id } },
    select: { userId: true },
  });
  return { following: !!row };
}

/**
 * Follows (`on`) or unfollows the discussion of a published article. Following needs no writing
 * right (a banned reader may still follow what they read); doing it twice changes nothing.
 */
export async function setFollowing(viewer: Viewer | null, slug: string, on: boolean) {
  const me = requireViewer(viewer);
  const article = await findArticleForDiscussion(slug);
  const key = { userId: me.id, articleId: article.id };
  if (on)
    await db.articleFollow.upsert({
      where: { userId_articleId: key },
      create: { ...key, createdAt: clock.now() },
      update: {},
    });
  else await db.articleFollow.deleteMany({ where: key });
  return { following: on };
}
