import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { requirePermission } from "@/lib/auth/require-permission";

// The studio's list: every article, newest change first, with a search and a status filter.
// Trashed articles are listed only under Trash (`trash: true`), and only there.
export async function listArticlesForEditor(viewer: Viewer | null, options: { q?: string; status?: "draft" | "scheduled" | "published"; trash?: boolean } = {}) {
  await requirePermission(viewer, "articles.read_drafts");
  return db.article.findMany({
    where: {
      trashedAt: options.trash ? { not: null } : null,
      ...(options.status ? { status: options.status } : {}),
      ...(options.q ? { OR: [{ title: { contains: options.q, mode: "insensitive" } }, { authorName: { contains: options.q, mode: "insensitive" } }, { slug: { contains: options.q.toLowerCase() } }] } : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: { id: true, slug: true, title: true, authorName: true, status: true, publishedAt: true, publishAt: true, updatedAt: true, draftRevisionId: true, trashedAt: true,
      _count: { select: { annotations: true, comments: true } } },
  });
}
