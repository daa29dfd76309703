import type { MetadataRoute } from "next";
import { listArchives } from "@/lib/articles/list-archives";
import { listSitemapArticles } from "@/lib/articles/list-sitemap-articles";
import { siteUrl } from "@/lib/env";
import { sitemapEntries } from "@/lib/feeds/build-sitemap";

// Read from the database on each request (never prerendered at build time).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, archives] = await Promise.all([listSitemapArticles(), listArchives()]);
  return sitemapEntries(siteUrl(), articles, archives);
}
