import { editRights } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { getSettings } from "@/lib/settings/get-settings";
import { annotationFields } from "./annotation-fields";
import { visibleAnnotations } from "./visibility";

export const annotationsPerPage = 200;

// An article's annotations visible to the viewer, oldest first, keyset-paged, each with what the
// viewer may do to it (`canEdit`, `editableUntil`). One query a page.
export async function listAnnotations(
  viewer: Viewer | null,
  slug: string,
  options: { cursor?: string | null; take?: number } = {},
) {
  const article = await findArticleForDiscussion(slug);
  const take = options.take ?? annotationsPerPage;
  const c = decodeCursor(options.cursor);
  const rows = await db.annotation.findMany({
    where: {
      articleId: article.id,
      AND: [visibleAnnotations(viewer)],
      ...(c ? { OR: [{ createdAt: { gt: new Date(c.t) } }, { createdAt: new Date(c.t), id: { gt: c.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: take + 1,
    select: annotationFields,
  });
  const { editWindowMs } = await getSettings();
  const now = clock.now();
  const page = rows.slice(0, take).map((row) => ({ ...row, ...editRights(viewer, row, editWindowMs, now) }));
  const last = page.at(-1);
  const total = c
    ? undefined
    : await db.annotation.count({
        where: { articleId: article.id, AND: [visibleAnnotations(viewer)], status: { not: "deleted" } },
      });
  return {
    article,
    annotations: page,
    next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null,
    total,
  };
}
