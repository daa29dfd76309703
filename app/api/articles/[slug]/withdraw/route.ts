import { withdrawArticle } from "@/lib/articles/submit-article";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";

// The author takes an article back from review, to edit it again.
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const result = await withdrawArticle(await getViewer(request.headers), (await params).slug);
  return json({ slug: result.slug, status: result.status });
});
