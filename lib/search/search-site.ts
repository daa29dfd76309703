import { normalizeSearchQuery } from "./normalize-search-query";
import { prepareTsQuery } from "./prepare-ts-query";
import { type ArticleHit, type SearchPage, searchArticles } from "./search-articles";
import { type CommentHit, searchComments } from "./search-comments";

export const articlesPerSearchPage = 10;
export const commentsPerSearchPage = 5;

const none = <T>(): SearchPage<T> => ({ total: 0, more: false, available: 0, hits: [] });

export type SiteSearch = {
  query: string;
  page: number;
  pageCount: number;
  articles: SearchPage<ArticleHit>;
  comments: SearchPage<CommentHit>;
};

// The /search page's one call: the query cleaned up, then one page of articles and of comments.
export async function searchSite(rawQuery: unknown, rawPage: unknown = 1): Promise<SiteSearch> {
  const query = normalizeSearchQuery(rawQuery);
  const page = Math.min(1000, Math.max(1, Number.parseInt(String(rawPage ?? 1), 10) || 1));
  const prepared = await prepareTsQuery(query);
  if (!prepared) return { query, page, pageCount: 0, articles: none(), comments: none() };
  const [articles, comments] = await Promise.all([
    searchArticles(prepared, { offset: (page - 1) * articlesPerSearchPage, limit: articlesPerSearchPage }),
    searchComments(prepared, { offset: (page - 1) * commentsPerSearchPage, limit: commentsPerSearchPage }),
  ]);
  const pageCount = Math.max(
    Math.ceil(articles.available / articlesPerSearchPage),
    Math.ceil(comments.available / commentsPerSearchPage),
  );
  return { query, page, pageCount, articles, comments };
}
