import Link from "next/link";
import { findAdjacentArticles } from "@/lib/articles/find-adjacent-articles";

/**
 * Previous / next article, for the end of an article page (issue 18, item 10). A server component:
 * mount it as `<ArticlePager article={{ id, publishedAt }} />` after the article body. Renders
 * nothing for an article that has neither.
 */
export async function ArticlePager({ article }: { article: { id: string; publishedAt: Date | null } }) {
  if (!article.publishedAt) return null;
  const { previous, next } = await findAdjacentArticles({ id: article.id, publishedAt: article.publishedAt });
  if (!previous && !next) return null;
  const cell =
    "block rounded-md border border-zinc-200 p-4 hover:border-zinc-400 dark:border-zinc-800 dark:hover:border-zinc-600";
  return (
    <nav aria-label="More articles" className="mt-12 grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={`/articles/${previous.slug}`} rel="prev" className={cell}>
          <span className="block text-xs font-semibold uppercase tracking-wider text-zinc-600 dark:text-zinc-400">
            ← Previous article
          </span>
          <span className="mt-1 block font-serif text-lg font-semibold leading-snug">{previous.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <Link href={`/articles/${next.slug}`} rel="next" className={`${cell} sm:text-right`}>
          <span className="block text-xs font-semibold uppercase tracking-wider text-zinc-600 dark:text-zinc-400">
            Next article →
          </span>
          <span className="mt-1 block font-serif text-lg font-semibold leading-snug">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
