import { tidyExcerpt } from "@/lib/articles/excerpt";
import type { FeedArticle } from "@/lib/articles/list-feed-articles";
import { publication } from "@/lib/site";
import { articleUrl, commentFeedUrl } from "./feed-links";
import { emptyElement, rfc822, textElement } from "./xml";

// RSS 2.0 of the latest articles, full body in content:encoded (entity-escaped HTML).
export function buildRssFeed(base: string, articles: FeedArticle[], now: Date): string {
  const newest = articles.reduce<Date | null>((m, a) => (!m || a.modifiedAt > m ? a.modifiedAt : m), null) ?? now;
  const items = articles.map((a) => {
    const url = articleUrl(base, a.slug);
    return [
      "<item>",
      textElement("title", a.title),
      textElement("link", url),
      textElement("guid", url, { isPermaLink: "true" }),
      textElement("pubDate", rfc822(a.publishedAt)),
      textElement("dc:creator", a.authorName),
      ...a.categories.map((c) => textElement("category", c.name, { domain: `${base}/category/${c.slug}` })),
      ...a.tags.map((t) => textElement("category", t.name, { domain: `${base}/tag/${t.slug}` })),
      textElement("description", tidyExcerpt(a.excerpt)),
      textElement("content:encoded", a.html),
      textElement("comments", `${url}#comments`),
      textElement("wfw:commentRss", commentFeedUrl(base, a.slug)),
      "</item>",
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:wfw="http://wellformedweb.org/CommentAPI/">`,
    "<channel>",
    textElement("title", publication.name),
    textElement("link", `${base}/`),
    textElement("description", publication.description),
    textElement("language", publication.locale),
    textElement("lastBuildDate", rfc822(newest)),
    textElement("generator", "Gloss"),
    emptyElement("atom:link", { href: `${base}/feed.xml`, rel: "self", type: "application/rss+xml" }),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
