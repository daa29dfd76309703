import { getViewer } from "@/lib/auth/get-viewer";
import { previewComment } from "@/lib/comments/preview-comment";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

// The comment box's Preview: the body rendered as the server will store it (nothing is saved).
export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await previewComment(viewer, await readJson(request, bodyLimits.comment, viewer)));
});
