import { listFeedArticles } from "@/lib/articles/list-feed-articles";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { buildAtomFeed } from "@/lib/feeds/build-atom-feed";
import { atomType, xmlResponse } from "@/lib/feeds/feed-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return xmlResponse(request, buildAtomFeed(siteUrl(), await listFeedArticles(), clock.now()), atomType);
}
