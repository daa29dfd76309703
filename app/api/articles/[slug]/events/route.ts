import { apiRoute } from "@/lib/http/api";
import { openLiveStream } from "@/lib/live/open-live-stream";

type Ctx = { params: Promise<{ slug: string }> };

export const dynamic = "force-dynamic";

// The article's live events (Server-Sent Events). scripts/server.mjs streams this path straight
// through (no buffering, compression or caching).
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const url = new URL(request.url);
  const lastEventId = request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
  const body = await openLiveStream((await params).slug, lastEventId, request.signal);
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
