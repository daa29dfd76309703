import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { ArticleList } from "@/components/article/article-list";
import { findLegacyRedirect, plainPermalinkOf } from "@/lib/articles/find-legacy-redirect";
import { listArchiveIndex } from "@/lib/articles/list-archive-index";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { publication } from "@/lib/site";

// The front page: the publication's masthead (its name and what it publishes), its categories,
// then the latest pieces with their excerpts, the newest set large. Later pages (?after=) are the
// plain list.
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string; p?: string | string[] }>;
}) {
  const { after, p } = await searchParams;
  // /?p=42, WordPress's plain permalink of an imported post: a permanent redirect to its article.
  const legacy = plainPermalinkOf(p);
  const to = legacy ? await findLegacyRedirect(legacy) : null;
  if (to) permanentRedirect(to);
  const first = typeof after !== "string";
  const [{ articles, next }, index] = await Promise.all([
    listPublishedArticles(first ? null : after),
    first ? listArchiveIndex() : null,
  ]);
  return (
    <div className="mx-auto max-w-3xl px-4 pb-10 sm:px-6">
      {first ? (
        <header className="border-b-2 border-zinc-900 pb-5 pt-10 text-center sm:pt-14 dark:border-zinc-100">
          <h1 className="font-serif text-[2.5rem] font-bold leading-none tracking-[-0.02em] sm:text-6xl">
            {publication.name}
            <span className="sr-only">: latest articles</span>
          </h1>
          <p className="mx-auto mt-3 max-w-xl font-serif text-lg italic text-zinc-700 sm:text-xl dark:text-zinc-300">
            {publication.tagline}
          </p>
        </header>
      ) : (
        <h1 className="sr-only">{publication.name}: latest articles</h1>
      )}
      {index?.categories.length ? (
        <nav aria-label="Categories" className="border-b border-zinc-200 py-2 dark:border-zinc-800">
          <ul className="flex flex-wrap justify-center gap-x-1 text-sm">
            {index.categories.map((c) => (
              <li key={c.path}>
                <Link
                  href={c.path}
                  className="flex min-h-11 items-center rounded-md px-3 font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                >
                  {c.name}
                  <span className="sr-only">
                    {" "}
                    ({c.count} {c.count === 1 ? "article" : "articles"})
                  </span>
                </Link>
              </li>
            ))}
            <li>
              <Link
                href="/archive"
                className="flex min-h-11 items-center rounded-md px-3 font-medium text-accent-700 hover:bg-zinc-100 dark:text-accent-300 dark:hover:bg-zinc-800"
              >
                All by month
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <div className="pt-10">
        <ArticleList
          articles={articles}
          label="Latest articles"
          lead={first}
          olderHref={next ? `/?after=${next}` : null}
        />
      </div>
      <p className="mt-10 border-t border-zinc-200 pt-6 text-sm text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
        <Link href="/archive" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
          Browse the archive
        </Link>{" "}
        — every article by month and by category.
      </p>
    </div>
  );
}
