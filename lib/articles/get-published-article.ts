import { cache } from "react";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

const articleFields = {
  id: true,
  slug: true,
  ownerId: true,
  title: true,
  authorName: true,
  affiliation: true,
  credit: true,
  publication: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  commentsOpen: true,
  annotationsOpen: true,
  categories: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
  tags: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
  currentRevision: {
    select: { id: true, number: true, html: true, text: true, blockIds: true, wordCount: true, body: true },
  },
} as const;

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof findPublished>>>;

function findPublished(where: { slug: string } | { id: string }) {
  return db.article.findFirst({
    where: { ...where, status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } },
    select: articleFields,
  });
}

/**
 * A published article by slug; an old slug answers with the new one in `movedTo`. Read once per
 * render of a page (React's cache: the article page's metadata and body both need it, four
 * queries each); every call outside a render reads it afresh.
 */
export const getPublishedArticle = cache(async function getPublishedArticle(
  slug: string,
): Promise<{ article: PublishedArticle } | { movedTo: string } | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const article = await findPublished({ slug });
  if (article) return { article };
  const redirect = await db.slugRedirect.findUnique({
    where: { oldSlug: slug },
    select: { article: { select: { slug: true, status: true } } },
  });
  if (redirect?.article.status === "published") return { movedTo: redirect.article.slug };
  return null;
});

export function readingMinutes(wordCount: number, wordsPerMinute = 220) {
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
