import { apiRoute, json, bodyLimits, readJson } from "@/lib/http/api";
import { getViewer } from "@/lib/auth/get-viewer";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { articleSummaryJson } from "@/lib/articles/article-json";
import { createArticle } from "@/lib/articles/create-article";

export const GET = apiRoute(async (request: Request) => {
  const cursor = new URL(request.url).searchParams.get("cursor");
  const { articles, next } = await listPublishedArticles(cursor, 20);
  return json({ articles: articles.map(articleSummaryJson), next });
});

export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  const article = await createArticle(viewer, await readJson(request, bodyLimits.article, viewer));
  return json(article, { status: 201, headers: { Location: `/api/articles/${article.slug}` } });
});
