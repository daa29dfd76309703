import { apiRoute, json, seeOther } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { articleJson } from "@/lib/articles/article-json";
import { getViewer } from "@/lib/auth/get-viewer";
import { hasRole } from "@/lib/auth/roles";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const found = await getPublishedArticle((await params).slug);
  if (!found) throw new AppError("not_found", "No published article has that slug.");
  if ("movedTo" in found) return seeOther(`/api/articles/${found.movedTo}`, 308);
  const viewer = await getViewer(request.headers);
  return json(articleJson(found.article, { withSource: hasRole(viewer?.role, "editor") }));
});
