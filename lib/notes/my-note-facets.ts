import { visibleAnnotations } from "@/lib/annotations/visibility";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

export type MyNoteFacets = {
  articles: { slug: string; title: string; count: number }[];
  tags: string[];
  audiences: string[];
};

/** What /notes can filter by: the articles I wrote on, the tags I used, the audiences my notes have. */
export async function myNoteFacets(viewer: Viewer | null): Promise<MyNoteFacets> {
  const me = await requirePermission(viewer, "account.manage");
  const mine = { AND: [visibleAnnotations(me), { authorId: me.id }, { status: { not: "deleted" as const } }] };
  const [byArticle, byAudience, tagRows] = await Promise.all([
    db.annotation.groupBy({ by: ["articleId"], where: mine, _count: { _all: true } }),
    db.annotation.groupBy({ by: ["audience"], where: mine }),
    // Tags are a column of arrays: the distinct ones of my notes (the same rows as `mine`).
    db.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t.tag FROM "Annotation" n, unnest(n.tags) AS t(tag)
      WHERE n."authorId" = ${me.id} AND n.status IN ('approved', 'pending') AND cardinality(n.tags) > 0
      ORDER BY t.tag LIMIT 500`,
  ]);
  const articles = byArticle.length
    ? await db.article.findMany({
        where: { id: { in: byArticle.map((a) => a.articleId) } },
        select: { id: true, slug: true, title: true },
        orderBy: { title: "asc" },
      })
    : [];
  const counts = new Map(byArticle.map((a) => [a.articleId, a._count._all]));
  return {
    articles: articles.map((a) => ({ slug: a.slug, title: a.title, count: counts.get(a.id) ?? 0 })),
    tags: tagRows.map((r) => r.tag),
    audiences: byAudience.map((a) => a.audience).sort(),
  };
}
