import { db } from "@/lib/db";
import { publishedWhere } from "./list-published-articles";

export type AdjacentArticle = { slug: string; title: string; publishedAt: Date };

/**
 * The published articles just before and after one (by publication time, ties by id): the
 * "previous / next article" links at the end of an article (issue 18, item 10).
 */
export async function findAdjacentArticles(article: {
  id: string;
  publishedAt: Date;
}): Promise<{ previous: AdjacentArticle | null; next: AdjacentArticle | null }> {
  const select = { slug: true, title: true, publishedAt: true } as const;
  const at = article.publishedAt;
  const [previous, next] = await Promise.all([
    db.article.findFirst({
      where: {
        ...publishedWhere(),
        id: { not: article.id },
        OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: article.id } }],
      },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select,
    }),
    db.article.findFirst({
      where: {
        ...publishedWhere(),
        id: { not: article.id },
        AND: [{ OR: [{ publishedAt: { gt: at } }, { publishedAt: at, id: { gt: article.id } }] }],
      },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select,
    }),
  ]);
  const shape = (a: typeof previous): AdjacentArticle | null =>
    a?.publishedAt ? { slug: a.slug, title: a.title, publishedAt: a.publishedAt } : null;
  return { previous: shape(previous), next: shape(next) };
}
