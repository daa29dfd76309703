import { articleJson } from "@/lib/articles/article-json";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { updateArticle } from "@/lib/articles/update-article";
import { getViewer } from "@/lib/auth/get-viewer";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { apiRoute, bodyLimits, json, readJson, seeOther } from "@/lib/http/api";

type Ctx = { params: Promise<{ slug: string }> };

export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const isEditor = roleCan(viewer?.role, "articles.read_drafts");
  const found = await getPublishedArticle(slug);
  if (found && "movedTo" in found) return seeOther(`/api/articles/${found.movedTo}`, 308);
  // The Markdown source for editors and for the article's own contributor.
  if (found)
    return json({
      ...articleJson(found.article, { withSource: isEditor || (!!viewer && found.article.ownerId === viewer.id) }),
      status: "published",
    });
  if (!roleCan(viewer?.role, "articles.create_draft"))
    throw new AppError("not_found", "No published article has that slug.");
  const a = await getArticleForEditor(viewer, slug);
  const rev = a.draftRevision ?? a.currentRevision;
  return json({
    slug: a.slug,
    title: a.title,
    author: a.authorName,
    affiliation: a.affiliation,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    publishAt: a.publishAt?.toISOString() ?? null,
    revision: a.headRevision,
    html: rev?.html ?? "",
    text: rev?.text ?? "",
    body: rev?.body ?? "",
  });
});

export const PATCH = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
  const result = await updateArticle(viewer, slug, await readJson(request, bodyLimits.article, viewer), { dryRun });
  if (dryRun) return json(result.impact);
  return json({
    slug: result.article.slug,
    status: result.article.status,
    revision: result.revision,
    publishedAt: result.article.publishedAt?.toISOString() ?? null,
    impact: result.impact,
  });
});
