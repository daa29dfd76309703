import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

/** The board's Review tab (editor+): articles waiting for review, the longest-waiting first. */
export async function listPendingReview(viewer: Viewer | null) {
  await requirePermission(viewer, "articles.review");
  const rows = await db.article.findMany({
    where: { status: "pending_review", trashedAt: null },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      authorName: true,
      submittedAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      draftRevision: { select: { wordCount: true, number: true } },
      currentRevision: { select: { wordCount: true, number: true } },
      _count: { select: { reviewNotes: { where: { parentId: null, deletedAt: null, resolvedAt: null } } } },
    },
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    author: r.authorName,
    owner: r.owner,
    submittedAt: r.submittedAt ?? r.updatedAt,
    wordCount: (r.draftRevision ?? r.currentRevision)?.wordCount ?? 0,
    revision: Math.max(r.draftRevision?.number ?? 0, r.currentRevision?.number ?? 0),
    openNotes: r._count.reviewNotes,
  }));
}
