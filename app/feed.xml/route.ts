import { listFeedArticles } from "@/lib/articles/list-feed-articles";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { buildRssFeed } from "@/lib/feeds/build-rss-feed";
import { rssType, xmlResponse } from "@/lib/feeds/feed-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return xmlResponse(request, buildRssFeed(siteUrl(), await listFeedArticles(), clock.now()), rssType);
}
