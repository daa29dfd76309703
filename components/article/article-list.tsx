import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import { readingMinutes } from "@/lib/articles/get-published-article";
import { authorSlug } from "@/lib/articles/author-slug";
import { tidyExcerpt } from "@/lib/articles/excerpt";

export type ArticleListItem = {
  id: string; slug: string; title: string; authorName: string; affiliation: string; excerpt: string; publishedAt: Date | null;
  currentRevision: { wordCount: number } | null;
};

// The list of articles on the home page and the archive pages, with an "older" link when there is more.
export function ArticleList({ articles, label, olderHref, empty = "Nothing is published yet." }: { articles: ArticleListItem[]; label: string; olderHref?: string | null; empty?: string }) {
  return (
    <>
      {articles.length === 0 ? <p>{empty}</p> : (
        <ol className="space-y-10" aria-label={label}>
          {articles.map((a) => (
            <li key={a.id}>
              <article>
                <h2 className="font-serif text-2xl font-bold leading-snug tracking-tight sm:text-3xl">
                  <Link href={`/articles/${a.slug}`} className="hover:underline">{a.title}</Link>
                </h2>
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                  by <Link href={`/author/${encodeURIComponent(authorSlug(a.authorName))}`} className="font-medium text-zinc-800 hover:underline dark:text-zinc-200">{a.authorName}</Link>
                  {a.affiliation ? <>, {a.affiliation}</> : null}
                </p>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  {a.publishedAt ? <ArticleDate date={a.publishedAt} /> : null} · {readingMinutes(a.currentRevision?.wordCount ?? 0)} min read
                </p>
                {a.excerpt ? <p className="mt-3 font-serif text-lg leading-relaxed text-zinc-800 dark:text-zinc-200">{tidyExcerpt(a.excerpt)}</p> : null}
                <p className="mt-3 text-sm">
                  <Link href={`/articles/${a.slug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300" aria-label={`Read “${a.title}”`}>Read the article →</Link>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {olderHref ? (
        <nav aria-label="Pagination" className="mt-12">
          <Link href={olderHref} className="font-medium text-accent-700 hover:underline dark:text-accent-300">Older articles →</Link>
        </nav>
      ) : null}
    </>
  );
}
