import type { MetadataRoute } from "next";
import type { ArchiveEntry } from "@/lib/articles/list-archives";
import { escapeXml } from "./xml";

// The sitemap's entries (app/sitemap.ts; Next writes the sitemaps.org urlset): the home page,
// every article, every archive page. Next writes `loc` as given, so it is escaped here.
export function sitemapEntries(
  base: string,
  articles: { slug: string; lastmod: Date }[],
  archives: ArchiveEntry[],
): MetadataRoute.Sitemap {
  const newest = articles.reduce<Date | undefined>((m, a) => (!m || a.lastmod > m ? a.lastmod : m), undefined);
  return [
    { url: `${base}/`, lastmod: newest },
    ...articles.map((a) => ({ url: `${base}/articles/${a.slug}`, lastmod: a.lastmod })),
    ...archives.map((a) => ({ url: `${base}${a.path}`, lastmod: a.lastmod })),
  ].map((e) => ({ url: escapeXml(e.url), ...(e.lastmod ? { lastModified: e.lastmod } : {}) }));
}

// Everything readers see may be crawled; the API, accounts and the editorial board may not.
export const robotsDisallowed = ["/api/", "/account", "/moderation", "/studio", "/dev"];

export function robotsRules(base: string): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: robotsDisallowed }, sitemap: `${base}/sitemap.xml` };
}
