import { apiRoute, json, bodyLimits, readJson } from "@/lib/http/api";
import { getViewer } from "@/lib/auth/get-viewer";
import { reportAnnotation } from "@/lib/annotations/report-annotation";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await params;
  const viewer = await getViewer(request.headers);
  return json(await reportAnnotation(viewer, slug, id, await readJson(request, bodyLimits.report, viewer)), { status: 201 });
});
