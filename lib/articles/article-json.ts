import type { PublishedArticle } from "./get-published-article";
import { readingMinutes } from "./get-published-article";

type Summary = {
  slug: string;
  title: string;
  authorName: string;
  affiliation: string;
  excerpt: string;
  publishedAt: Date | null;
  currentRevision: { wordCount: number; number: number } | null;
};

// The API's article shapes (CONTRACT.md: slug, title, author, publishedAt, revision, html, text; body for editors).
export function articleSummaryJson(a: Summary) {
  return {
    slug: a.slug,
    title: a.title,
    author: a.authorName,
    affiliation: a.affiliation,
    excerpt: a.excerpt,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    revision: a.currentRevision?.number ?? null,
    readingMinutes: readingMinutes(a.currentRevision?.wordCount ?? 0),
  };
}

export function articleJson(a: PublishedArticle, { withSource = false } = {}) {
  const rev = a.currentRevision!;
  return {
    ...articleSummaryJson(a),
    credit: a.credit,
    publication: a.publication,
    categories: a.categories.map((c) => c.name),
    tags: a.tags.map((t) => t.name),
    commentsOpen: a.commentsOpen,
    annotationsOpen: a.annotationsOpen,
    html: rev.html,
    text: rev.text,
    ...(withSource ? { body: rev.body } : {}),
  };
}
