import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireReadable } from "./article-access";
import { updateArticle } from "./update-article";

// Restoring an old revision publishes its body again as a new revision (history is never rewritten);
// on an unpublished article it becomes the draft. `dryRun` answers what it would do to readers' notes.
export async function restoreRevision(
  viewer: Viewer | null,
  slug: string,
  number: number,
  options: { dryRun?: boolean; baseRevision?: number } = {},
) {
  // A contributor restores into their own draft; updateArticle keeps them to it (and refuses publishing).
  const me = await requirePermission(viewer, "articles.create_draft");
  requireReadable(me, await db.article.findUnique({ where: { slug }, select: { ownerId: true, status: true } }));
  const revision = await db.articleRevision.findFirst({ where: { number, article: { slug } }, select: { body: true } });
  if (!revision) throw new AppError("not_found", `Revision ${number} does not exist.`);
  return updateArticle(
    viewer,
    slug,
    { body: revision.body, baseRevision: options.baseRevision },
    { dryRun: options.dryRun },
  );
}
