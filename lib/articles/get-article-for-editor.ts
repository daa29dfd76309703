import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/auth/require-permission";

const revision = { select: { id: true, number: true, body: true, html: true, text: true, wordCount: true, createdAt: true } } as const;

/** Any article (draft, scheduled, published) with its current and draft revisions, for the studio. */
export async function getArticleForEditor(viewer: Viewer | null, slug: string) {
  await requirePermission(viewer, "articles.read_drafts");
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, authorName: true, affiliation: true, credit: true, excerpt: true, publication: true, status: true,
      publishedAt: true, publishAt: true, commentsOpen: true, annotationsOpen: true, updatedAt: true, trashedAt: true,
      categories: { select: { name: true } }, tags: { select: { name: true } }, currentRevision: revision, draftRevision: revision,
      _count: { select: { annotations: true, comments: true } },
    },
  });
  if (!article) throw new AppError("not_found", "No article has that address.");
  return { ...article, headRevision: Math.max(article.currentRevision?.number ?? 0, article.draftRevision?.number ?? 0) };
}
