import { getViewer } from "@/lib/auth/get-viewer";
import { threadJson } from "@/lib/comments/comment-json";
import { listReplies } from "@/lib/comments/list-replies";
import { apiRoute, json } from "@/lib/http/api";

type Ctx = { params: Promise<{ id: string }> };

// A branch of the discussion, paged: what "Show N more replies" loads.
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const url = new URL(request.url);
  const viewer = await getViewer(request.headers);
  const result = await listReplies(viewer, (await params).id, {
    sort: url.searchParams.get("sort"),
    cursor: url.searchParams.get("cursor"),
  });
  return json({
    comments: threadJson(result.comments, viewer ? result.liked : undefined),
    next: result.next,
    remaining: result.remaining,
  });
});
