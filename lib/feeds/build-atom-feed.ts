import { tidyExcerpt } from "@/lib/articles/excerpt";
import type { FeedArticle } from "@/lib/articles/list-feed-articles";
import { publication } from "@/lib/site";
import { articleUrl } from "./feed-links";
import { emptyElement, textElement } from "./xml";

// Atom 1.0 of the latest articles, full body as escaped HTML content.
export function buildAtomFeed(base: string, articles: FeedArticle[], now: Date): string {
  const updated = articles.reduce<Date | null>((m, a) => (!m || a.modifiedAt > m ? a.modifiedAt : m), null) ?? now;
  const entries = articles.map((a) => {
    const url = articleUrl(base, a.slug);
    return [
      "<entry>",
      textElement("id", url),
      textElement("title", a.title, { type: "text" }),
      emptyElement("link", { rel: "alternate", type: "text/html", href: url }),
      textElement("published", a.publishedAt.toISOString()),
      textElement("updated", a.modifiedAt.toISOString()),
      `<author>${textElement("name", a.authorName)}</author>`,
      ...a.categories.map((c) =>
        emptyElement("category", { term: c.slug, label: c.name, scheme: `${base}/category/` }),
      ),
      ...a.tags.map((t) => emptyElement("category", { term: t.slug, label: t.name, scheme: `${base}/tag/` })),
      a.excerpt ? textElement("summary", tidyExcerpt(a.excerpt), { type: "text" }) : "",
      textElement("content", a.html, { type: "html", "xml:base": url }),
      "</entry>",
    ].join("");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${publication.locale}">`,
    textElement("id", `${base}/`),
    textElement("title", publication.name, { type: "text" }),
    textElement("subtitle", publication.tagline, { type: "text" }),
    textElement("updated", updated.toISOString()),
    emptyElement("link", { rel: "self", type: "application/atom+xml", href: `${base}/feed.atom` }),
    emptyElement("link", { rel: "alternate", type: "text/html", href: `${base}/` }),
    textElement("generator", "Gloss"),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
