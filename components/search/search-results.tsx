import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import { type ArticleHit, rankWindow, type SearchPage } from "@/lib/search/search-articles";
import type { CommentHit } from "@/lib/search/search-comments";
import { HighlightedText } from "./highlighted-text";

function matchCount({ total, more }: { total: number; more: boolean }) {
  return `${total.toLocaleString("en-GB")}${more ? "+" : ""} ${total === 1 && !more ? "match" : "matches"}`;
}

/** Said when not every match can be listed: only the newest ones are ranked (see rankWindow). */
function RankedNote({ result, kind, titles = false }: { result: SearchPage<unknown>; kind: string; titles?: boolean }) {
  if (result.available >= result.total && !result.more) return null;
  return (
    <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
      Listed: the best matches among the {rankWindow} most recent {kind}
      {titles ? " and those with the words in their title" : ""}. Add words to narrow the search.
    </p>
  );
}

export function ArticleResults({ result }: { result: SearchPage<ArticleHit> }) {
  const { total, hits } = result;
  return (
    <section aria-labelledby="article-results" className="mt-10">
      <h2 id="article-results" className="text-xl font-bold tracking-tight">
        Articles <span className="font-normal text-zinc-600 dark:text-zinc-400">({matchCount(result)})</span>
      </h2>
      <RankedNote result={result} kind="matching articles" titles />
      {hits.length === 0 ? (
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">
          {total ? "No more articles on this page." : "No article matches."}
        </p>
      ) : (
        <ol className="mt-4 space-y-8" aria-label="Matching articles">
          {hits.map((a) => (
            <li key={a.id}>
              <article>
                <h3 className="font-serif text-xl font-bold leading-snug tracking-tight">
                  <Link href={`/articles/${a.slug}`} className="hover:underline">
                    <HighlightedText segments={a.title} />
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  by <span className="font-medium text-zinc-800 dark:text-zinc-200">{a.authorName}</span>
                  {a.affiliation ? <>, {a.affiliation}</> : null} · <ArticleDate date={a.publishedAt} />
                </p>
                <p className="mt-2 font-serif leading-relaxed text-zinc-800 dark:text-zinc-200">
                  <HighlightedText segments={a.snippet} />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function CommentResults({ result }: { result: SearchPage<CommentHit> }) {
  const { total, hits } = result;
  return (
    <section aria-labelledby="comment-results" className="mt-12">
      <h2 id="comment-results" className="text-xl font-bold tracking-tight">
        Comments <span className="font-normal text-zinc-600 dark:text-zinc-400">({matchCount(result)})</span>
      </h2>
      <RankedNote result={result} kind="matching comments" />
      {hits.length === 0 ? (
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">
          {total ? "No more comments on this page." : "No comment matches."}
        </p>
      ) : (
        <ol className="mt-4 space-y-6" aria-label="Matching comments">
          {hits.map((c) => (
            <li key={c.id} className="border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                <span className="font-medium text-zinc-800 dark:text-zinc-200">{c.author}</span> on{" "}
                <Link
                  href={`/articles/${c.articleSlug}`}
                  className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                >
                  {c.articleTitle}
                </Link>
                {" · "}
                <ArticleDate date={c.createdAt} archive={false} />
              </p>
              <p className="mt-1 leading-relaxed">
                <HighlightedText segments={c.snippet} />
              </p>
              <p className="mt-1 text-sm">
                <Link
                  href={`/articles/${c.articleSlug}/comments/${c.id}`}
                  className="text-accent-700 hover:underline dark:text-accent-300"
                  aria-label={`Read ${c.author}’s comment on “${c.articleTitle}”`}
                >
                  Read the comment →
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function SearchPagination({
  query,
  page,
  pageCount,
  extra = "",
}: {
  query: string;
  page: number;
  pageCount: number;
  /** More of the query string (the Notes tab's `&in=notes…`). */
  extra?: string;
}) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/search?q=${encodeURIComponent(query)}${extra}${p > 1 ? `&page=${p}` : ""}`;
  return (
    <nav aria-label="Search result pages" className="mt-12 flex items-center gap-6 text-sm">
      {page > 1 ? (
        <Link
          href={href(page - 1)}
          rel="prev"
          className="font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          ← Previous results
        </Link>
      ) : null}
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link
          href={href(page + 1)}
          rel="next"
          className="font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          More results →
        </Link>
      ) : null}
    </nav>
  );
}
