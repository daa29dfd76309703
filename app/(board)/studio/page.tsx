import type { Metadata } from "next";
import Link from "next/link";
import { ArticleList } from "@/components/studio/article-list";
import { ReviewList } from "@/components/studio/review-list";
import { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { listPendingReview } from "@/lib/articles/list-pending-review";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";

export const metadata: Metadata = { title: "Studio", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const statuses = ["draft", "pending_review", "scheduled", "published"] as const;
type Status = (typeof statuses)[number];
type Tab = Status | "all" | "trash" | "review";
const tabLabels: Record<Tab, string> = {
  all: "All",
  draft: "Drafts",
  pending_review: "Waiting for review",
  scheduled: "Scheduled",
  published: "Published",
  trash: "Trash",
  review: "Review",
};

export default async function StudioPage({ searchParams }: Props) {
  const viewer = await requirePage("articles.read_own", "/studio");
  const board = roleCan(viewer.role, "articles.review");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.trim().slice(0, 200) : "";
  const status = statuses.find((s) => s === query.status);
  const trash = board && query.status === "trash";
  const review = board && query.status === "review";
  // The board's tabs (Review first: what waits for them); a contributor's own drafts, waiting and published pieces.
  const tabs: Tab[] = board
    ? ["review", "all", "draft", "scheduled", "published", "trash"]
    : ["all", "draft", "pending_review", "published"];
  const pending = review ? await listPendingReview(viewer) : [];
  const articles = review ? [] : await listArticlesForEditor(viewer, { q: q || undefined, status, trash });
  const trashed = trash && typeof query.trashed === "string" ? query.trashed : null;
  const failed = typeof query.error === "string" ? query.error.slice(0, 300) : null;
  const href = (s: Tab) => {
    const params = new URLSearchParams({ ...(q ? { q } : {}), ...(s !== "all" ? { status: s } : {}) });
    return `/studio${params.size ? `?${params}` : ""}`;
  };
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Studio</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {board
              ? "Write, revise and publish articles; review what contributors submit."
              : "Write your articles and submit them to the editorial board for review."}
          </p>
        </div>
        <Link
          href="/studio/new"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          New article
        </Link>
      </div>
      <div className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label="Filter by status">
          <ul className="flex flex-wrap gap-1 text-sm">
            {tabs.map((s) => {
              const current = (review ? "review" : trash ? "trash" : (status ?? "all")) === s;
              return (
                <li key={s}>
                  <Link
                    href={href(s)}
                    aria-current={current ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 ${current ? "bg-zinc-900 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
                  >
                    {tabLabels[s]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form role="search" action="/studio" className="flex gap-2">
          {status || trash ? <input type="hidden" name="status" value={status ?? "trash"} /> : null}
          <label htmlFor="studio-search" className="sr-only">
            Search articles
          </label>
          <input
            id="studio-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder="Search titles, authors, slugs"
            className="w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-sm sm:w-64 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Search
          </button>
        </form>
      </div>
      {trashed ? (
        <p
          role="status"
          className="mt-6 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          Moved to the trash: readers no longer see it, and nothing was deleted — its revisions, notes and comments are
          kept. Restore it below to bring it back as a draft.
        </p>
      ) : null}
      {failed ? (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-400">
          {failed}
        </p>
      ) : null}
      {trash && !trashed ? (
        <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
          Articles in the trash are hidden from readers and kept whole. Restoring one brings it back as a draft.
        </p>
      ) : null}
      <div className="mt-6">
        {review ? (
          <ReviewList articles={pending} />
        ) : articles.length ? (
          <ArticleList articles={articles} />
        ) : (
          <p className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            {trash && !q ? "The trash is empty." : q || status ? "No article matches." : "No articles yet."}{" "}
            <Link href="/studio/new" className="text-accent-700 hover:underline dark:text-accent-300">
              Write one
            </Link>
            .
          </p>
        )}
      </div>
    </div>
  );
}
