import { getViewer } from "@/lib/auth/get-viewer";
import { commentJson, threadJson } from "@/lib/comments/comment-json";
import { createComment } from "@/lib/comments/create-comment";
import { listThread } from "@/lib/comments/list-thread";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";
import { commentSortSchema } from "@/lib/validation/comment";

type Ctx = { params: Promise<{ slug: string }> };

export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const url = new URL(request.url);
  const viewer = await getViewer(request.headers);
  const result = await listThread(viewer, (await params).slug, {
    sort: commentSortSchema.parse(url.searchParams.get("sort") ?? undefined),
    cursor: url.searchParams.get("cursor"),
  });
  return json({
    comments: threadJson(result.threads, viewer ? result.liked : undefined),
    next: result.next,
    total: result.total,
  });
});

export const POST = apiRoute(async (request: Request, { params }: Ctx) => {
  const viewer = await getViewer(request.headers);
  const input = await readJson(request, bodyLimits.comment, viewer);
  const { comment, held } = await createComment(viewer, (await params).slug, input);
  return json({ ...commentJson(comment), comment: commentJson(comment), held }, { status: held ? 202 : 201 });
});
