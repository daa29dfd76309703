import { roleCan } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

// The studio's list: every article, newest change first, with a search and a status filter.
// Trashed articles are listed only under Trash (`trash: true`), and only there. A contributor's
// list holds only their own articles.
export async function listArticlesForEditor(
  viewer: Viewer | null,
  options: { q?: string; status?: "draft" | "pending_review" | "scheduled" | "published"; trash?: boolean } = {},
) {
  const me = await requirePermission(viewer, "articles.read_own");
  return db.article.findMany({
    where: {
      ...(roleCan(me.role, "articles.read_drafts") ? {} : { ownerId: me.id }),
      trashedAt: options.trash ? { not: null } : null,
      ...(options.status ? { status: options.status } : {}),
      ...(options.q
        ? {
            OR: [
              { title: { contains: options.q, mode: "insensitive" } },
              { authorName: { contains: options.q, mode: "insensitive" } },
              { slug: { contains: options.q.toLowerCase() } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      authorName: true,
      status: true,
      publishedAt: true,
      publishAt: true,
      updatedAt: true,
      draftRevisionId: true,
      trashedAt: true,
      _count: { select: { annotations: true, comments: true } },
    },
  });
}
