import Link from "next/link";
import { restoreArticleAction } from "@/lib/actions/articles/trash-article";
import type { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { StatusBadge } from "./status-badge";
import { StudioTime } from "./studio-time";

type Row = Awaited<ReturnType<typeof listArticlesForEditor>>[number];

function When({ a }: { a: Row }) {
  if (a.trashedAt)
    return (
      <>
        Moved to the trash <StudioTime date={a.trashedAt} />
      </>
    );
  if (a.status === "scheduled" && a.publishAt)
    return (
      <>
        Goes live <StudioTime date={a.publishAt} />
      </>
    );
  if (a.status === "published" && a.publishedAt)
    return (
      <>
        Published <StudioTime date={a.publishedAt} />
      </>
    );
  return (
    <>
      Edited <StudioTime date={a.updatedAt} />
    </>
  );
}

function TrashedRow({ a }: { a: Row }) {
  return (
    <>
      <span className="rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700">
        In the trash
      </span>
      <form action={restoreArticleAction}>
        <input type="hidden" name="slug" value={a.slug} />
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          aria-label={`Restore “${a.title}”`}
        >
          Restore
        </button>
      </form>
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// The studio's article list: one row per article, stacked into cards on narrow screens.
export function ArticleList({ articles }: { articles: Row[] }) {
  return (
    <ul
      className="divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      aria-label="Articles"
    >
      {articles.map((a) => (
        <li key={a.id} className="grid gap-1 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-6">
          <div className="min-w-0">
            <Link href={`/studio/${a.slug}`} className="font-serif text-lg font-semibold leading-snug hover:underline">
              {a.title}
            </Link>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {a.authorName} · <When a={a} /> · {plural(a._count.annotations, "note", "notes")} ·{" "}
              {plural(a._count.comments, "comment", "comments")}
            </p>
          </div>
          <div className="flex items-center gap-4 sm:justify-end">
            {a.trashedAt ? <TrashedRow a={a} /> : <StatusBadge status={a.status} hasDraft={!!a.draftRevisionId} />}
            {a.status === "published" ? (
              <Link
                href={`/articles/${a.slug}`}
                className="text-sm text-accent-700 hover:underline dark:text-accent-300"
                aria-label={`View “${a.title}”`}
              >
                View
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
