import { visibleAnnotations } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

/** A group's newest notes (its page: each links to its passage; the owner removes from here). */
export async function listGroupNotes(viewer: Viewer, groupId: string, take = 50) {
  const rows = await db.annotation.findMany({
    where: { groupId, audience: "group", status: "approved", AND: [visibleAnnotations(viewer)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      body: true,
      exact: true,
      parentId: true,
      createdAt: true,
      author: { select: { id: true, name: true, deletedAt: true } },
      article: { select: { slug: true, title: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    quote: r.exact,
    isReply: !!r.parentId,
    createdAt: r.createdAt,
    author: r.author ? (r.author.deletedAt ? "deleted user" : r.author.name) : "deleted user",
    authorId: r.author?.id ?? null,
    article: r.article,
  }));
}
