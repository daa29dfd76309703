import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

// The sitemap's limit per file; a bigger archive would need a sitemap index.
export const sitemapLimit = 50_000;

// Every published article's address and when it last changed (its publication or its newest revision).
export async function listSitemapArticles(take = sitemapLimit) {
  const rows = await db.article.findMany({
    where: { status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { slug: true, publishedAt: true, currentRevision: { select: { createdAt: true } } },
  });
  return rows.map((r) => {
    const published = r.publishedAt!;
    const revised = r.currentRevision!.createdAt;
    return { slug: r.slug, lastmod: revised > published ? revised : published };
  });
}
