import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";

export const articlesPerPage = 10;

/** What "published" means for readers: status published, its time has come, and a body. */
export const publishedWhere = (): Prisma.ArticleWhereInput => ({
  status: "published",
  publishedAt: { lte: clock.now() },
  currentRevisionId: { not: null },
});

// Newest first, keyset-paged on (publishedAt, id) so pages stay stable while articles are
// published. `filter` narrows it (archives: a category, tag, author or month).
export async function listPublishedArticles(
  cursor?: string | null,
  take = articlesPerPage,
  filter: Prisma.ArticleWhereInput = {},
) {
  const after = decodeCursor(cursor);
  const rows = await db.article.findMany({
    where: {
      AND: [
        publishedWhere(),
        filter,
        ...(after
          ? [
              {
                OR: [
                  { publishedAt: { lt: new Date(after.t) } },
                  { publishedAt: new Date(after.t), id: { lt: after.id } },
                ],
              },
            ]
          : []),
      ],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      slug: true,
      title: true,
      authorName: true,
      affiliation: true,
      excerpt: true,
      publishedAt: true,
      currentRevision: { select: { wordCount: true, number: true } },
      categories: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const next =
    rows.length > take && last?.publishedAt ? encodeCursor({ t: last.publishedAt.getTime(), id: last.id }) : null;
  return { articles: page, next };
}
