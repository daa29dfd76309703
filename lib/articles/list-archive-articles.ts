import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { articlesPerPage } from "./list-published-articles";

/** Which published articles an archive page holds. */
export type ArchiveFilter =
  | { kind: "category"; slug: string }
  | { kind: "tag"; slug: string }
  | { kind: "author"; names: string[] }
  | { kind: "month"; year: number; month: number };

/** The first instant of a UTC month and of the next one. */
export function monthRange(year: number, month: number) {
  return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
}

export function archiveWhere(filter: ArchiveFilter): Prisma.ArticleWhereInput {
  const published: Prisma.ArticleWhereInput = { status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } };
  switch (filter.kind) {
    case "category": return { AND: [published, { categories: { some: { slug: filter.slug } } }] };
    case "tag": return { AND: [published, { tags: { some: { slug: filter.slug } } }] };
    case "author": return { AND: [published, { authorName: { in: filter.names } }] };
    case "month": {
      const { from, to } = monthRange(filter.year, filter.month);
      return { AND: [published, { publishedAt: { gte: from, lt: to } }] };
    }
  }
}

// One page of an archive, newest first, keyset-paged on (publishedAt, id) like the home page.
export async function listArchiveArticles(filter: ArchiveFilter, cursor?: string | null, take = articlesPerPage) {
  const after = decodeCursor(cursor);
  const rows = await db.article.findMany({
    where: {
      AND: [
        archiveWhere(filter),
        ...(after ? [{ OR: [{ publishedAt: { lt: new Date(after.t) } }, { publishedAt: new Date(after.t), id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true, slug: true, title: true, authorName: true, affiliation: true, excerpt: true, publishedAt: true,
      currentRevision: { select: { wordCount: true, number: true } },
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const next = rows.length > take && last?.publishedAt ? encodeCursor({ t: last.publishedAt.getTime(), id: last.id }) : null;
  return { articles: page, next };
}
