import { publication } from "@/lib/site";

export const articleUrl = (base: string, slug: string) => `${base}/articles/${slug}`;
export const commentFeedUrl = (base: string, slug: string) => `${base}/articles/${slug}/comments.xml`;
export const commentUrl = (base: string, slug: string, id: string) => `${base}/articles/${slug}/comments/${id}`;

type Alternate = { url: string; title: string };

/**
 * The `<link rel="alternate">` feed links of a page (Next's `metadata.alternates.types`). A page's
 * `alternates` replaces the layout's, so pages that set a canonical URL pass these along too.
 */
export function feedAlternates(
  base: string,
  commentFeed?: { slug: string; title: string },
): Record<string, Alternate[]> {
  return {
    "application/rss+xml": [
      { url: `${base}/feed.xml`, title: `${publication.name} (RSS)` },
      ...(commentFeed
        ? [{ url: commentFeedUrl(base, commentFeed.slug), title: `Comments on “${commentFeed.title}”` }]
        : []),
    ],
    "application/atom+xml": [{ url: `${base}/feed.atom`, title: `${publication.name} (Atom)` }],
  };
}
