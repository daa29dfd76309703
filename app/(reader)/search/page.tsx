import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { ArticleResults, CommentResults, SearchPagination } from "@/components/search/search-results";
import { normalizeSearchQuery } from "@/lib/search/normalize-search-query";
import { searchSite } from "@/lib/search/search-site";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  // Result pages are for readers, not for search engines' indexes.
  return { title: query ? `Search: ${query}` : "Search", robots: { index: false, follow: true } };
}

// Full-text search over published articles and approved comments; an empty query shows the form only.
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const { query, page, articles, comments, pageCount } = await searchSite(
    params.q,
    Array.isArray(params.page) ? params.page[0] : params.page,
  );
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="mb-6 font-serif text-3xl font-bold leading-tight tracking-tight">
        {query ? <>Results for “{query}”</> : "Search"}
      </h1>
      <SearchForm query={query} />
      {query ? (
        <>
          <ArticleResults result={articles} />
          <CommentResults result={comments} />
          <SearchPagination query={query} page={page} pageCount={pageCount} />
        </>
      ) : null}
    </div>
  );
}
