import { editRights } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { normalizeSearchQuery } from "@/lib/search/normalize-search-query";
import { prepareTsQuery } from "@/lib/search/prepare-ts-query";
import { visibleNoteMatches } from "@/lib/search/search-notes";
import { getSettings } from "@/lib/settings/get-settings";
import { annotationFields } from "./annotation-fields";
import { visibleAnnotations } from "./visibility";

export const annotationsPerPage = 200;

// An article's annotations visible to the viewer, oldest first, keyset-paged, each with what the
// viewer may do to it (`canEdit`, `editableUntil`). One query a page. With `q` (the container's
// `?q=`), only those whose note, tags or passage match it (the notes search, same visibility).
export async function listAnnotations(
  viewer: Viewer | null,
  slug: string,
  options: { cursor?: string | null; take?: number; q?: string | null } = {},
) {
  const article = await findArticleForDiscussion(slug);
  const take = options.take ?? annotationsPerPage;
  const c = decodeCursor(options.cursor);
  const matching = options.q == null ? {} : await matchingIds(viewer, article.id, options.q);
  const rows = await db.annotation.findMany({
    where: {
      articleId: article.id,
      ...matching,
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
        where: { articleId: article.id, ...matching, AND: [visibleAnnotations(viewer)], status: { not: "deleted" } },
      });
  return {
    article,
    annotations: page,
    next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null,
    total,
  };
}

// The article's notes that match a search, as a where: the newest 5,000 matches (an article's
// whole discussion), those this viewer may see. A query with no word to look up matches nothing.
async function matchingIds(viewer: Viewer | null, articleId: string, q: string) {
  const prepared = await prepareTsQuery(normalizeSearchQuery(q));
  if (!prepared) return { id: { in: [] as string[] } };
  const { ranked } = await visibleNoteMatches(viewer, prepared, { articleId }, 5_000);
  return { id: { in: ranked.map((m) => m.id) } };
}
