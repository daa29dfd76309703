import type { Metadata } from "next";
import { headers } from "next/headers";
import { NoteResults, SearchTabs } from "@/components/search/note-results";
import { SearchForm } from "@/components/search/search-form";
import { ArticleResults, CommentResults, SearchPagination } from "@/components/search/search-results";
import { getViewer } from "@/lib/auth/get-viewer";
import { normalizeSearchQuery } from "@/lib/search/normalize-search-query";
import { searchSite } from "@/lib/search/search-site";
import { searchSiteNotes } from "@/lib/search/search-site-notes";

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  // Result pages are for readers, not for search engines' indexes.
  return { title: query ? `Search: ${query}` : "Search", robots: { index: false, follow: true } };
}

// Full-text search over published articles and approved comments, and (the Notes tab, `in=notes`)
// over the notes the viewer may see; an empty query shows the form only.
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const notesTab = one(params.in) === "notes";
  if (notesTab) return <NotesTab params={params} />;
  const { query, page, articles, comments, pageCount } = await searchSite(params.q, one(params.page));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="mb-6 font-serif text-3xl font-bold leading-tight tracking-tight">
        {query ? <>Results for “{query}”</> : "Search"}
      </h1>
      <SearchForm query={query} />
      {query ? (
        <>
          <SearchTabs query={query} current="all" />
          <ArticleResults result={articles} />
          <CommentResults result={comments} />
          <SearchPagination query={query} page={page} pageCount={pageCount} />
        </>
      ) : null}
    </div>
  );
}

async function NotesTab({ params }: { params: Params }) {
  // Notes depend on who reads (their own private ones); the page cache serves only anonymous visitors.
  const viewer = await getViewer(await headers());
  const { query, page, pageCount, notes, filters } = await searchSiteNotes(viewer, params.q, one(params.page), {
    tag: one(params.tag),
    author: one(params.author),
    article: one(params.article),
  });
  const extra = Object.entries(filters)
    .filter(([, v]) => v)
    .map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`)
    .join("");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="mb-6 font-serif text-3xl font-bold leading-tight tracking-tight">
        {query ? <>Notes matching “{query}”</> : "Search notes"}
      </h1>
      <SearchForm query={query} notes />
      {query ? (
        <>
          <SearchTabs query={query} current="notes" />
          {extra ? (
            <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">
              Only notes{filters.tag ? <> tagged “{filters.tag}”</> : null}
              {filters.author ? <> by one reader</> : null}
              {filters.article ? <> on one article</> : null}.{" "}
              <a
                href={`/search?q=${encodeURIComponent(query)}&in=notes`}
                className="font-medium text-accent-700 hover:underline dark:text-accent-300"
              >
                All notes
              </a>
            </p>
          ) : null}
          <NoteResults result={notes} query={query} />
          <SearchPagination query={query} page={page} pageCount={pageCount} extra={`&in=notes${extra}`} />
        </>
      ) : null}
    </div>
  );
}
