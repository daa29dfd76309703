import type { ArchiveEntry } from "@/lib/articles/list-archives";
import { textElement } from "./xml";

type Entry = { url: string; lastmod?: Date };

// A sitemaps.org urlset: the home page, every article, every archive page.
export function buildSitemap(base: string, articles: { slug: string; lastmod: Date }[], archives: ArchiveEntry[]): string {
  const newest = articles.reduce<Date | undefined>((m, a) => (!m || a.lastmod > m ? a.lastmod : m), undefined);
  const entries: Entry[] = [
    { url: `${base}/`, lastmod: newest },
    ...articles.map((a) => ({ url: `${base}/articles/${a.slug}`, lastmod: a.lastmod })),
    ...archives.map((a) => ({ url: `${base}${a.path}`, lastmod: a.lastmod })),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...entries.map((e) => `<url>${textElement("loc", e.url)}${e.lastmod ? textElement("lastmod", e.lastmod.toISOString()) : ""}</url>`),
    "</urlset>",
    "",
  ].join("\n");
}
