import type { Prisma } from "@/lib/generated/prisma/client";
import { articlesPerPage, listPublishedArticles, publishedWhere } from "./list-published-articles";

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
  return { AND: [publishedWhere(), archiveFilter(filter)] };
}

function archiveFilter(filter: ArchiveFilter): Prisma.ArticleWhereInput {
  switch (filter.kind) {
    case "category":
      return { categories: { some: { slug: filter.slug } } };
    case "tag":
      return { tags: { some: { slug: filter.slug } } };
    case "author":
      return { authorName: { in: filter.names } };
    case "month": {
      const { from, to } = monthRange(filter.year, filter.month);
      return { publishedAt: { gte: from, lt: to } };
    }
  }
}

// One page of an archive, newest first, paged exactly like the home page.
export function listArchiveArticles(filter: ArchiveFilter, cursor?: string | null, take = articlesPerPage) {
  return listPublishedArticles(cursor, take, archiveFilter(filter));
}
