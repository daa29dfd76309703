import { reportAnnotation } from "@/lib/annotations/report-annotation";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

export const POST = apiRoute(
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const { slug, id } = await params;
    const viewer = await getViewer(request.headers);
    return json(await reportAnnotation(viewer, slug, id, await readJson(request, bodyLimits.report, viewer)), {
      status: 201,
    });
  },
);
