import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { readingMinutes } from "@/lib/articles/get-published-article";
import { publication } from "@/lib/site";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const { articles, next } = await listPublishedArticles(typeof after === "string" ? after : null);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="sr-only">{publication.name}: latest articles</h1>
      {articles.length === 0 ? <p>Nothing is published yet.</p> : (
        <ol className="space-y-10" aria-label="Latest articles">
          {articles.map((a) => (
            <li key={a.id}>
              <article>
                <h2 className="font-serif text-2xl font-bold leading-snug tracking-tight sm:text-3xl">
                  <Link href={`/articles/${a.slug}`} className="hover:underline">{a.title}</Link>
                </h2>
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                  by <span className="font-medium text-zinc-800 dark:text-zinc-200">{a.authorName}</span>
                  {a.affiliation ? <>, {a.affiliation}</> : null}
                </p>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  {a.publishedAt ? <ArticleDate date={a.publishedAt} /> : null} · {readingMinutes(a.currentRevision?.wordCount ?? 0)} min read
                </p>
                {a.excerpt ? <p className="mt-3 font-serif text-lg leading-relaxed text-zinc-800 dark:text-zinc-200">{a.excerpt}</p> : null}
                <p className="mt-3 text-sm">
                  <Link href={`/articles/${a.slug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300" aria-label={`Read “${a.title}”`}>Read the article →</Link>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {next ? (
        <nav aria-label="Pagination" className="mt-12">
          <Link href={`/?after=${next}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300">Older articles →</Link>
        </nav>
      ) : null}
    </div>
  );
}
