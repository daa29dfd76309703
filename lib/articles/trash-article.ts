import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Moves an article to the trash (editor+; issue 18, item 15): readers no longer see it (it becomes
 * a draft, a schedule is dropped), and the studio lists it under Trash. Nothing is destroyed — its
 * revisions, notes and comments stay, and `restoreArticle` brings it back as a draft.
 */
export async function trashArticle(viewer: Viewer | null, slug: string) {
  await requirePermission(viewer, "articles.write");
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, status: true, trashedAt: true } });
  if (!article) throw new AppError("not_found", "No article has that address.");
  if (article.trashedAt) return { slug, trashedAt: article.trashedAt, wasPublic: false };
  const updated = await db.article.update({
    where: { id: article.id },
    data: { status: "draft", publishAt: null, trashedAt: clock.now() },
    select: { trashedAt: true },
  });
  const wasPublic = article.status !== "draft";
  if (wasPublic) await invalidateReaderPages();
  return { slug, trashedAt: updated.trashedAt!, wasPublic };
}

/** Takes an article out of the trash, as a draft (publishing it again is a separate, deliberate step). */
export async function restoreArticle(viewer: Viewer | null, slug: string) {
  await requirePermission(viewer, "articles.write");
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, trashedAt: true } });
  if (!article) throw new AppError("not_found", "No article has that address.");
  if (article.trashedAt) await db.article.update({ where: { id: article.id }, data: { trashedAt: null } });
  return { slug, status: "draft" as const };
}
