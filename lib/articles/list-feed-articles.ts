import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

export const feedSize = 20;

export type FeedArticle = Awaited<ReturnType<typeof listFeedArticles>>[number];

// The latest published articles with their full rendered body, for the RSS and Atom feeds.
export async function listFeedArticles(take = feedSize) {
  const rows = await db.article.findMany({
    where: { status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      slug: true,
      title: true,
      authorName: true,
      affiliation: true,
      excerpt: true,
      publishedAt: true,
      categories: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
      tags: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
      currentRevision: { select: { html: true, createdAt: true } },
    },
  });
  return rows.map(({ currentRevision, publishedAt, ...a }) => {
    const published = publishedAt!;
    const revised = currentRevision!.createdAt;
    return {
      ...a,
      publishedAt: published,
      modifiedAt: revised > published ? revised : published,
      html: currentRevision!.html,
    };
  });
}
