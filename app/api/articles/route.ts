import { articleSummaryJson } from "@/lib/articles/article-json";
import { createArticle } from "@/lib/articles/create-article";
import { listPendingReview } from "@/lib/articles/list-pending-review";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { getViewer } from "@/lib/auth/get-viewer";
import { AppError } from "@/lib/errors";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  // The board's review queue (editor+), the longest-waiting first.
  if (status === "pending_review") {
    const pending = await listPendingReview(await getViewer(request.headers));
    return json({
      articles: pending.map((a) => ({
        slug: a.slug,
        title: a.title,
        author: a.author,
        status: "pending_review",
        submittedAt: a.submittedAt.toISOString(),
        wordCount: a.wordCount,
        revision: a.revision,
        openNotes: a.openNotes,
      })),
      next: null,
    });
  }
  if (status !== null && status !== "published")
    throw new AppError("bad_request", "status must be published or pending_review.", {
      status: "published or pending_review",
    });
  const cursor = params.get("cursor");
  const { articles, next } = await listPublishedArticles(cursor, 20);
  return json({ articles: articles.map(articleSummaryJson), next });
});

export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  const article = await createArticle(viewer, await readJson(request, bodyLimits.article, viewer));
  return json(article, { status: 201, headers: { Location: `/api/articles/${article.slug}` } });
});
