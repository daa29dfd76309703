import { permanentRedirect } from "next/navigation";
import Link from "next/link";
import { ArticleList } from "@/components/article/article-list";
import { findLegacyRedirect, plainPermalinkOf } from "@/lib/articles/find-legacy-redirect";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { publication } from "@/lib/site";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ after?: string; p?: string | string[] }> }) {
  const { after, p } = await searchParams;
  // /?p=42, WordPress's plain permalink of an imported post: a permanent redirect to its article.
  const legacy = plainPermalinkOf(p);
  const to = legacy ? await findLegacyRedirect(legacy) : null;
  if (to) permanentRedirect(to);
  const { articles, next } = await listPublishedArticles(typeof after === "string" ? after : null);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="sr-only">{publication.name}: latest articles</h1>
      <ArticleList articles={articles} label="Latest articles" olderHref={next ? `/?after=${next}` : null} />
      <p className="mt-10 border-t border-zinc-200 pt-6 text-sm dark:border-zinc-800">
        <Link href="/archive" className="font-medium text-accent-700 hover:underline dark:text-accent-300">Browse the archive</Link> — every article by month and by category.
      </p>
    </div>
  );
}
