import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireReadable } from "./article-access";

const revision = {
  select: { id: true, number: true, body: true, html: true, text: true, wordCount: true, createdAt: true },
} as const;

/**
 * Any article (draft, pending review, scheduled, published) with its current and draft revisions,
 * for the studio: editors any, a contributor only their own (someone else's is a 404).
 */
export async function getArticleForEditor(viewer: Viewer | null, slug: string) {
  const me = await requirePermission(viewer, "articles.read_own");
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      ownerId: true,
      submittedAt: true,
      title: true,
      authorName: true,
      affiliation: true,
      credit: true,
      excerpt: true,
      publication: true,
      status: true,
      publishedAt: true,
      publishAt: true,
      commentsOpen: true,
      annotationsOpen: true,
      updatedAt: true,
      trashedAt: true,
      categories: { select: { name: true } },
      tags: { select: { name: true } },
      currentRevision: revision,
      draftRevision: revision,
      _count: { select: { annotations: true, comments: true } },
    },
  });
  if (!article) throw new AppError("not_found", "No article has that address.");
  requireReadable(me, article);
  return {
    ...article,
    headRevision: Math.max(article.currentRevision?.number ?? 0, article.draftRevision?.number ?? 0),
  };
}
