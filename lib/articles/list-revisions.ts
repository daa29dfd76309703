import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { requireReadable } from "./article-access";

/**
 * Who a revision is credited to: its author; else the WordPress import (articles with an import
 * key); else the seed — the article files published by `npm start`'s seeding (issue 18, item 15).
 */
function creditOf(createdBy: { name: string } | null, importKey: string | null): string {
  if (createdBy) return createdBy.name;
  return importKey
    ? `the WordPress import (${importKey.replace(/#post-\d+$/, "")})`
    : "the seed (published on first start)";
}

// Every saved version of an article's body, newest first, with who and when; which one readers
// see (current) and which is the unpublished draft.
export async function listRevisions(viewer: Viewer | null, slug: string) {
  const me = await requirePermission(viewer, "articles.read_own");
  const article = await db.article.findFirst({
    where: { OR: [{ slug }, { slugRedirects: { some: { oldSlug: slug } } }] },
    select: {
      id: true,
      slug: true,
      ownerId: true,
      status: true,
      title: true,
      currentRevisionId: true,
      draftRevisionId: true,
      importKey: true,
      revisions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          wordCount: true,
          createdAt: true,
          createdBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  requireReadable(me, article);
  return {
    article: { slug: article.slug, title: article.title },
    revisions: article.revisions.map((r) => ({
      ...r,
      credit: creditOf(r.createdBy, article.importKey),
      current: r.id === article.currentRevisionId,
      draft: r.id === article.draftRevisionId,
    })),
  };
}
