import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import { authorSlug } from "@/lib/articles/author-slug";
import { tidyExcerpt } from "@/lib/articles/excerpt";
import { readingMinutes } from "@/lib/articles/get-published-article";

export type ArticleListItem = {
  id: string;
  slug: string;
  title: string;
  authorName: string;
  affiliation: string;
  excerpt: string;
  publishedAt: Date | null;
  currentRevision: { wordCount: number } | null;
  categories?: { slug: string; name: string }[];
};

const accentLink = "text-accent-700 hover:underline dark:text-accent-300";

/** An article's first category as a small kicker above its title (a link to the category). */
function Kicker({ categories }: { categories?: { slug: string; name: string }[] }) {
  const first = categories?.[0];
  if (!first) return null;
  return (
    <p className="mb-1.5 text-xs font-semibold uppercase tracking-[0.08em]">
      <Link href={`/category/${encodeURIComponent(first.slug)}`} className={accentLink}>
        {first.name}
      </Link>
    </p>
  );
}

/** Byline and date line, in the interface face. */
function Byline({ a }: { a: ArticleListItem }) {
  return (
    <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
      <Link
        href={`/author/${encodeURIComponent(authorSlug(a.authorName))}`}
        className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
      >
        {a.authorName}
      </Link>
      {a.affiliation ? <>, {a.affiliation}</> : null}
      <span className="block sm:inline">
        <span className="hidden sm:inline" aria-hidden="true">
          {" "}
          ·{" "}
        </span>
        {a.publishedAt ? <ArticleDate date={a.publishedAt} /> : null} ·{" "}
        {readingMinutes(a.currentRevision?.wordCount ?? 0)} min read
      </span>
    </p>
  );
}

// The list of articles on the home page and the archive pages, with an "older" link when there is
// more. `lead` sets the first one large, as a front page's top story.
export function ArticleList({
  articles,
  label,
  olderHref,
  empty = "Nothing is published yet.",
  lead = false,
}: {
  articles: ArticleListItem[];
  label: string;
  olderHref?: string | null;
  empty?: string;
  lead?: boolean;
}) {
  return (
    <>
      {articles.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label={label}>
          {articles.map((a, i) => {
            const top = lead && i === 0;
            return (
              <li key={a.id} className={top ? "pb-10" : "py-8 first:pt-0"}>
                <article>
                  <Kicker categories={a.categories} />
                  <h2
                    className={
                      top
                        ? "font-serif text-3xl font-bold leading-[1.15] sm:text-[2.625rem]"
                        : "font-serif text-2xl font-bold leading-snug sm:text-[1.75rem]"
                    }
                  >
                    <Link href={`/articles/${a.slug}`} className="hover:underline decoration-2 underline-offset-4">
                      {a.title}
                    </Link>
                  </h2>
                  {a.excerpt ? (
                    <p
                      data-testid="excerpt"
                      className={`mt-3 font-serif leading-relaxed text-zinc-700 dark:text-zinc-300 ${top ? "text-xl" : "text-lg"}`}
                    >
                      {tidyExcerpt(a.excerpt)}
                    </p>
                  ) : null}
                  <Byline a={a} />
                </article>
              </li>
            );
          })}
        </ol>
      )}
      {olderHref ? (
        <nav aria-label="Pagination" className="mt-12 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <Link href={olderHref} className={`font-medium ${accentLink}`}>
            Older articles →
          </Link>
        </nav>
      ) : null}
    </>
  );
}
