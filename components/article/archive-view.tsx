import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { listArchiveArticles } from "@/lib/articles/list-archive-articles";
import type { Archive } from "@/lib/articles/list-archives";
import { siteUrl } from "@/lib/env";
import { feedAlternates } from "@/lib/feeds/feed-links";
import { authorBio } from "@/lib/users/get-public-profile";

const kindLabel = { category: "Category", tag: "Tag", author: "Author", month: "Archive" } as const;

// An archive page (category, tag, author, month): its heading, then its articles like the home page.
export async function ArchiveView({ archive, after }: { archive: Archive; after?: string | string[] }) {
  const [{ articles, next }, bio] = await Promise.all([
    listArchiveArticles(archive.filter, typeof after === "string" ? after : null),
    archive.filter.kind === "author" ? authorBio(archive.filter.names) : null,
  ]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="mb-10 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">
          {kindLabel[archive.kind]}
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          {archive.heading}
        </h1>
        {bio ? (
          <p
            className="mt-3 font-serif text-lg leading-relaxed text-zinc-700 dark:text-zinc-300"
            data-testid="author-bio"
          >
            {bio.bio}
          </p>
        ) : null}
      </header>
      <ArticleList
        articles={articles}
        label={archive.heading}
        olderHref={next ? `${archive.path}?after=${next}` : null}
        empty="No more articles here."
      />
    </div>
  );
}

export function archiveMetadata(archive: Archive | null): Metadata {
  if (!archive) return { title: "Not found" };
  const base = siteUrl();
  return { title: archive.heading, alternates: { canonical: `${base}${archive.path}`, types: feedAlternates(base) } };
}

/** A route parameter as text (Next may hand it still percent-encoded). */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
