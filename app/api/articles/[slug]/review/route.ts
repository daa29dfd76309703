import { reviewArticle } from "@/lib/articles/review-article";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

// The board's decision on an article waiting for review: approve (publish or schedule) or changes.
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const viewer = await getViewer(request.headers);
  const result = await reviewArticle(viewer, (await params).slug, await readJson(request, bodyLimits.small, viewer));
  return json({
    slug: result.slug,
    status: result.status,
    decision: result.decision,
    publishedAt: result.publishedAt?.toISOString() ?? null,
  });
});
