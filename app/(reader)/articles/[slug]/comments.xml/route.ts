import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { buildCommentFeed } from "@/lib/feeds/build-comment-feed";
import { rssType, xmlResponse } from "@/lib/feeds/feed-response";
import { listFeedComments } from "@/lib/feeds/list-feed-comments";

export const dynamic = "force-dynamic";

// An article's comment feed; an old slug redirects to the new one's feed.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const found = await listFeedComments((await params).slug);
  if (!found)
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if ("movedTo" in found) return Response.redirect(`${siteUrl()}/articles/${found.movedTo}/comments.xml`, 308);
  return xmlResponse(request, buildCommentFeed(siteUrl(), found, clock.now()), rssType);
}
