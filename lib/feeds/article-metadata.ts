import type { Metadata } from "next";
import { authorSlug } from "@/lib/articles/author-slug";
import { tidyExcerpt } from "@/lib/articles/excerpt";
import type { PublishedArticle } from "@/lib/articles/get-published-article";
import { scholarMeta } from "@/lib/citations/cite-article";
import { publication } from "@/lib/site";
import { articleUrl, feedAlternates } from "./feed-links";

type Article = Pick<
  PublishedArticle,
  "slug" | "title" | "excerpt" | "authorName" | "affiliation" | "publishedAt" | "updatedAt" | "categories" | "tags"
>;

const modifiedAt = (a: Article) => (a.publishedAt && a.publishedAt > a.updatedAt ? a.publishedAt : a.updatedAt);

// What search engines and link previews read: canonical URL, feeds, OpenGraph and Twitter card.
export function articleMetadata(base: string, a: Article): Metadata {
  const url = articleUrl(base, a.slug);
  const description = tidyExcerpt(a.excerpt) || publication.description;
  return {
    title: a.title,
    description,
    authors: [{ name: a.authorName }],
    alternates: { canonical: url, types: feedAlternates(base, { slug: a.slug, title: a.title }) },
    openGraph: {
      type: "article",
      title: a.title,
      description,
      url,
      siteName: publication.name,
      locale: "en_GB",
      publishedTime: a.publishedAt?.toISOString(),
      modifiedTime: modifiedAt(a).toISOString(),
      authors: [a.authorName],
      section: a.categories[0]?.name,
      tags: a.tags.map((t) => t.name),
    },
    twitter: { card: "summary", title: a.title, description },
    // Google Scholar and reference managers (Zotero, Mendeley) read these.
    other: scholarMeta(base, a),
  };
}

/** schema.org Article as JSON for a `<script type="application/ld+json">`, safe inside HTML. */
export function articleJsonLd(base: string, a: Article): string {
  const url = articleUrl(base, a.slug);
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: a.title,
    ...(a.excerpt ? { description: tidyExcerpt(a.excerpt) } : {}),
    author: {
      "@type": "Person",
      name: a.authorName,
      url: `${base}/author/${encodeURIComponent(authorSlug(a.authorName))}`,
      ...(a.affiliation ? { affiliation: { "@type": "Organization", name: a.affiliation } } : {}),
    },
    datePublished: a.publishedAt?.toISOString(),
    dateModified: modifiedAt(a).toISOString(),
    publisher: { "@type": "Organization", name: publication.name, url: `${base}/` },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: publication.locale,
    ...(a.categories.length ? { articleSection: a.categories.map((c) => c.name) } : {}),
    ...(a.tags.length ? { keywords: a.tags.map((t) => t.name).join(", ") } : {}),
  };
  return scriptSafeJson(data);
}

/** JSON that cannot end its <script> element or open a comment: <, >, & and line separators escaped. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
