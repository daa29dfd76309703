import { getViewer } from "@/lib/auth/get-viewer";
import { commentJson } from "@/lib/comments/comment-json";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = apiRoute(async (request: Request, { params }: Ctx) => {
  const viewer = await getViewer(request.headers);
  const input = await readJson(request, bodyLimits.comment, viewer);
  return json(commentJson(await editComment(viewer, (await params).id, input)));
});

export const DELETE = apiRoute(async (request: Request, { params }: Ctx) => {
  await deleteComment(await getViewer(request.headers), (await params).id);
  return new Response(null, { status: 204 });
});
