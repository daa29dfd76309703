import { visibleAnnotations } from "@/lib/annotations/visibility";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AnnotationAudience } from "@/lib/generated/prisma/enums";

export type MyNoteFacets = {
  articles: { slug: string; title: string }[];
  tags: string[];
  audiences: string[];
};

// Tags offered are those of my newest notes (any other can be typed): bounded work per page view.
export const tagSuggestionWindow = 2_000;

/**
 * What /notes can filter by: the articles I wrote on, the tags I used lately, the audiences my
 * notes have. Each is a handful of index probes, however many notes I have.
 */
export async function myNoteFacets(viewer: Viewer | null): Promise<MyNoteFacets> {
  const me = await requirePermission(viewer, "account.manage");
  const [articleIds, tagRows, audiences] = await Promise.all([
    // The distinct articles of my notes: one probe of the (authorId, articleId) index per article.
    db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE a AS (
        SELECT (SELECT min("articleId") FROM "Annotation" WHERE "authorId" = ${me.id}) AS id
        UNION ALL
        SELECT (SELECT min("articleId") FROM "Annotation" WHERE "authorId" = ${me.id} AND "articleId" > a.id) FROM a WHERE a.id IS NOT NULL
      )
      SELECT id FROM a WHERE id IS NOT NULL`,
    db.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t.tag FROM (
        SELECT tags FROM "Annotation" WHERE "authorId" = ${me.id} AND status IN ('approved', 'pending')
        ORDER BY "createdAt" DESC LIMIT ${tagSuggestionWindow}
      ) n, unnest(n.tags) AS t(tag) ORDER BY t.tag LIMIT 200`,
    // An audience filter is offered once I have a note of that audience (a probe per audience).
    Promise.all(
      Object.values(AnnotationAudience).map(async (audience) =>
        (await db.annotation.findFirst({
          where: { AND: [visibleAnnotations(me), { authorId: me.id, audience }] },
          select: { id: true },
        }))
          ? audience
          : null,
      ),
    ),
  ]);
  // Only articles where a note of mine is still there to list (visibility rule, not deleted).
  const articles = articleIds.length
    ? await db.article.findMany({
        where: {
          id: { in: articleIds.map((a) => a.id) },
          annotations: {
            some: { AND: [visibleAnnotations(me), { authorId: me.id, status: { not: "deleted" } }] },
          },
        },
        select: { slug: true, title: true },
        orderBy: { title: "asc" },
      })
    : [];
  return {
    articles,
    tags: tagRows.map((r) => r.tag),
    audiences: audiences.filter((a): a is AnnotationAudience => !!a),
  };
}
