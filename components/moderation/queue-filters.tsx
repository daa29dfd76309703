import Link from "next/link";
import { reasonFilters } from "./describe";

type Values = { status: string; type?: string; article?: string; author?: string; reason?: string };

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

// The queue's filters: a plain GET form, so a filtered view is a URL to share or bookmark.
export function QueueFilters({ values }: { values: Values }) {
  const active = !!(values.type || values.article || values.author || values.reason);
  return (
    <details open={active} className="group rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 sm:open:pb-3">
      <summary className="cursor-pointer text-sm font-medium">Filters{active ? " (on)" : ""}</summary>
      {/* Fields wrap rather than shrink: a select narrower than its longest choice cuts it off. */}
      <form
        method="get"
        action="/moderation"
        className="mt-3 flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter the queue"
      >
        <input type="hidden" name="status" value={values.status} />
        <div className="min-w-48 flex-1 text-sm">
          <label htmlFor="filter-type">Type</label>
          <select id="filter-type" name="type" defaultValue={values.type ?? ""} className={field}>
            <option value="">Comments and notes</option>
            <option value="comment">Comments</option>
            <option value="annotation">Margin notes</option>
          </select>
        </div>
        <div className="min-w-52 flex-1 text-sm">
          <label htmlFor="filter-reason">Reason</label>
          <select id="filter-reason" name="reason" defaultValue={values.reason ?? ""} className={field}>
            <option value="">Any reason</option>
            {reasonFilters.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
            {values.reason && !reasonFilters.some((r) => r.value === values.reason) ? (
              <option value={values.reason}>{values.reason}</option>
            ) : null}
          </select>
        </div>
        <div className="min-w-40 flex-1 text-sm">
          <label htmlFor="filter-article">Article (slug)</label>
          <input id="filter-article" name="article" defaultValue={values.article ?? ""} className={field} />
        </div>
        <div className="min-w-40 flex-1 text-sm">
          <label htmlFor="filter-author">Author (email)</label>
          <input id="filter-author" name="author" defaultValue={values.author ?? ""} className={field} />
        </div>
        <div className="flex gap-2">
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
          >
            Filter
          </button>
          {active ? (
            <Link
              href={`/moderation?status=${values.status}`}
              className="rounded-md px-3 py-1.5 text-sm hover:underline"
            >
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
