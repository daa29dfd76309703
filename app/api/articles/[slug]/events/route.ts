import { getViewer } from "@/lib/auth/get-viewer";
import { liveGroupsOf } from "@/lib/groups/live-groups-of";
import { apiRoute } from "@/lib/http/api";
import { openLiveStream } from "@/lib/live/open-live-stream";

type Ctx = { params: Promise<{ slug: string }> };

export const dynamic = "force-dynamic";

// The article's live events (Server-Sent Events). scripts/server.mjs streams this path straight
// through (no buffering, compression or caching).
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const url = new URL(request.url);
  const lastEventId = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  // A signed-in reader's stream also carries their groups' notes' events (issue 19); no session, none.
  const groups = await liveGroupsOf(await getViewer(request.headers));
  const body = await openLiveStream((await params).slug, lastEventId, request.signal, groups);
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
