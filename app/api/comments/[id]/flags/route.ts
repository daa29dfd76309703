import { getViewer } from "@/lib/auth/get-viewer";
import { reportComment } from "@/lib/comments/report-comment";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await getViewer(request.headers);
  return json(await reportComment(viewer, (await params).id, await readJson(request, bodyLimits.report, viewer)), {
    status: 201,
  });
});
