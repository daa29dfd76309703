import { apiRoute, json, readJson } from "@/lib/http/api";
import { getViewer } from "@/lib/auth/get-viewer";
import { reportAnnotation } from "@/lib/annotations/report-annotation";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await params;
  return json(await reportAnnotation(await getViewer(request.headers), slug, id, await readJson(request, 10_000)), { status: 201 });
});
