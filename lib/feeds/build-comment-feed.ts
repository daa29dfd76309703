import { publication } from "@/lib/site";
import { articleUrl, commentFeedUrl, commentUrl } from "./feed-links";
import type { FeedComments } from "./list-feed-comments";
import { emptyElement, rfc822, textElement } from "./xml";

// RSS 2.0 of an article's approved comments, newest first, each linking to its permalink.
export function buildCommentFeed(base: string, { article, comments }: FeedComments, now: Date): string {
  const newest = comments[0]?.createdAt ?? now;
  const items = comments.map((c) => {
    const url = commentUrl(base, article.slug, c.id);
    return [
      "<item>",
      textElement("title", `Comment by ${c.author}`),
      textElement("link", url),
      textElement("guid", url, { isPermaLink: "true" }),
      textElement("pubDate", rfc822(c.createdAt)),
      textElement("dc:creator", c.author),
      textElement("description", c.html),
      "</item>",
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">`,
    "<channel>",
    textElement("title", `Comments on “${article.title}” · ${publication.name}`),
    textElement("link", `${articleUrl(base, article.slug)}#comments`),
    textElement("description", `The discussion of “${article.title}” on ${publication.name}.`),
    textElement("language", publication.locale),
    textElement("lastBuildDate", rfc822(newest)),
    textElement("generator", "Gloss"),
    emptyElement("atom:link", { href: commentFeedUrl(base, article.slug), rel: "self", type: "application/rss+xml" }),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
