import { siteUrl } from "@/lib/env";
import { listArchives } from "@/lib/articles/list-archives";
import { listSitemapArticles } from "@/lib/articles/list-sitemap-articles";
import { buildSitemap } from "@/lib/feeds/build-sitemap";
import { sitemapType, xmlResponse } from "@/lib/feeds/feed-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const [articles, archives] = await Promise.all([listSitemapArticles(), listArchives()]);
  return xmlResponse(request, buildSitemap(siteUrl(), articles, archives), sitemapType);
}
