import { submitArticle } from "@/lib/articles/submit-article";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";

// The author submits their draft for review (CONTRACT.md "The editorial desk").
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const result = await submitArticle(await getViewer(request.headers), (await params).slug);
  return json({ slug: result.slug, status: result.status });
});
