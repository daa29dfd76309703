import { apiRoute, json } from "@/lib/http/api";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { articleSummaryJson } from "@/lib/articles/article-json";

export const GET = apiRoute(async (request: Request) => {
  const cursor = new URL(request.url).searchParams.get("cursor");
  const { articles, next } = await listPublishedArticles(cursor, 20);
  return json({ articles: articles.map(articleSummaryJson), next });
});
