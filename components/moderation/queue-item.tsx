import Link from "next/link";
import { RelativeTime } from "@/components/comments/relative-time";
import { isBanned } from "@/lib/auth/can-contribute";
import { formatUtc } from "@/lib/dates/format-utc";
import type { listQueue, QueueStatus, QueueView } from "@/lib/moderation/list-queue";
import { accountAge, plainTextOfHtml, reasonLabel } from "./describe";

export type QueueEntry = Awaited<ReturnType<typeof listQueue>>["items"][number];

// Which buttons each tab offers, in order; the keyboard shortcut a/s/t presses the one marked.
const actionsByTab: Record<QueueStatus, { action: string; label: string; key?: string }[]> = {
  pending: [
    { action: "approve", label: "Approve", key: "a" },
    { action: "spam", label: "Spam", key: "s" },
    { action: "trash", label: "Trash", key: "t" },
  ],
  approved: [
    { action: "spam", label: "Spam", key: "s" },
    { action: "trash", label: "Trash", key: "t" },
  ],
  spam: [
    { action: "approve", label: "Approve", key: "a" },
    { action: "restore", label: "Restore" },
    { action: "trash", label: "Trash", key: "t" },
  ],
  trash: [
    { action: "restore", label: "Restore" },
    { action: "approve", label: "Approve", key: "a" },
    { action: "spam", label: "Spam", key: "s" },
  ],
};
// The Reported tab mixes pending and approved items: each item gets its own status's buttons, and
// the bulk bar only what both allow.
const reportedBulk = ["spam", "trash"];
export const bulkActionsByTab = (tab: QueueView) =>
  tab === "reported" ? reportedBulk : actionsByTab[tab].map((a) => a.action);
const statusLabel: Record<string, string> = {
  pending: "Pending (hidden)",
  approved: "Approved (visible)",
  spam: "Spam",
  trash: "Trash",
  deleted: "Deleted",
};

const button = "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-offset-1";
const styles: Record<string, string> = {
  approve: "bg-green-700 text-white hover:bg-green-800",
  spam: "border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
  trash: "border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
  restore: "border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
};
const snippet = (t: string, n = 200) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

type Props = {
  item: QueueEntry;
  tab: QueueView;
  isAdmin: boolean;
  linkHoldThreshold: number;
  now: Date;
  filterHref: (change: Record<string, string>) => string;
};

// One comment or note in the queue: what it says, who wrote it (and their record), where, why it
// is here, the reports and earlier versions; its buttons submit the queue form around the list.
export function QueueItem({ item, tab, isAdmin, linkHoldThreshold, now, filterHref }: Props) {
  const kind = item.type === "comment" ? "comment" : "note";
  const authorName = item.author
    ? item.author.deletedAt
      ? "deleted user"
      : item.author.name
    : (item.authorName ?? "Anonymous");
  const ref = `${item.type}:${item.id}`;
  const banned = !!item.author && isBanned(item.author, now);
  const headingId = `item-${item.id}-title`;
  const actions = actionsByTab[tab === "reported" ? (item.status as QueueStatus) : tab] ?? [];
  return (
    <li>
      <article
        data-queue-item={ref}
        tabIndex={-1}
        aria-labelledby={headingId}
        className="group rounded-lg border border-zinc-200 bg-white p-4 shadow-sm outline-none focus:ring-2 focus:ring-accent-600 dark:border-zinc-800 dark:bg-zinc-900 dark:focus:ring-accent-300"
      >
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            name="selected"
            value={ref}
            data-select-item
            id={`select-${item.id}`}
            aria-label={`Select ${kind} by ${authorName}`}
            className="mt-1 size-4 shrink-0 accent-zinc-900 dark:accent-zinc-100"
          />
          <div className="min-w-0 flex-1">
            <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${item.type === "comment" ? "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100" : "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100"}`}
              >
                {item.type === "comment" ? "Comment" : "Margin note"}
              </span>
              <h3 id={headingId} className="font-semibold">
                <span className="sr-only">{item.type === "comment" ? "Comment" : "Note"} by </span>
                {authorName}
              </h3>
              <span className="text-zinc-600 dark:text-zinc-400">
                on{" "}
                <Link
                  href={`/articles/${item.article.slug}`}
                  className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                >
                  {item.article.title}
                </Link>
              </span>
              <span className="text-zinc-600 dark:text-zinc-400" title={formatUtc(item.createdAt)}>
                <RelativeTime iso={item.createdAt.toISOString()} />
              </span>
              {item.editedAt ? <span className="text-zinc-600 dark:text-zinc-400">(edited)</span> : null}
              {tab === "reported" ? (
                <span
                  className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
                  data-status={item.status}
                >
                  {statusLabel[item.status] ?? item.status}
                </span>
              ) : null}
            </header>

            {item.author ? (
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                <Link
                  href={filterHref({ author: item.author.id })}
                  className="hover:underline"
                  aria-label={`Show only items by ${authorName}`}
                >
                  {item.author.email}
                </Link>
                {" · "}member for {accountAge(item.author.createdAt, now)}
                {" · "}
                <span className="text-green-800 dark:text-green-400">{item.history?.approved ?? 0} approved</span>
                {" · "}
                <span className={item.history?.spam ? "font-semibold text-red-700 dark:text-red-400" : ""}>
                  {item.history?.spam ?? 0} spam
                </span>
                {banned ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
                    banned
                  </span>
                ) : null}
              </p>
            ) : null}

            {item.holdReasons.length ? (
              <ul aria-label="Why it is here" className="mt-2 flex flex-wrap gap-1.5">
                {item.holdReasons.map((r) => (
                  <li
                    key={r}
                    className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-100"
                    data-reason={r}
                  >
                    {reasonLabel(r, linkHoldThreshold)}
                  </li>
                ))}
              </ul>
            ) : null}

            {item.parent ? (
              <blockquote className="mt-3 border-l-2 border-zinc-300 pl-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                <span className="font-medium">In reply to:</span>{" "}
                {snippet(plainTextOfHtml(item.parent.html) || item.parent.body)}
              </blockquote>
            ) : null}
            {item.group ? (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-group={item.group.id}>
                <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-950 dark:bg-sky-900 dark:text-sky-100">
                  Group note
                </span>{" "}
                Only the members of “{item.group.name}” see it; a member reported it.
              </p>
            ) : null}
            {item.quote ? (
              <blockquote className="mt-3 border-l-4 border-yellow-400 bg-yellow-50 px-3 py-1.5 font-serif text-sm italic dark:bg-yellow-950/30">
                <span className="font-sans text-xs font-medium not-italic text-zinc-600 dark:text-zinc-400">
                  On the passage:{" "}
                </span>
                “{snippet(item.quote, 300)}”
              </blockquote>
            ) : null}

            <div
              className="prose prose-zinc mt-2 max-w-none break-words text-[0.975rem] dark:prose-invert prose-p:my-1.5"
              dangerouslySetInnerHTML={{ __html: item.html || "<p><em>(no text)</em></p>" }}
            />

            {item._count.reports ? (
              <div className="mt-3 rounded-md bg-red-50 p-2 text-sm dark:bg-red-950/40">
                <p className="font-medium text-red-900 dark:text-red-200">
                  {item._count.reports} {item._count.reports === 1 ? "report" : "reports"}
                </p>
                <ul className="mt-1 space-y-0.5 text-xs text-red-950 dark:text-red-100">
                  {item.reports.map((r) => (
                    <li key={r.id}>
                      {r.reason.replace("_", " ")}
                      {r.note ? `: “${snippet(r.note, 140)}”` : ""} — {r.reporter.name}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}

            {item.revisions.length ? (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-zinc-700 hover:underline dark:text-zinc-300">
                  Edit history ({item._count.revisions} earlier {item._count.revisions === 1 ? "version" : "versions"})
                </summary>
                <ol className="mt-2 space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
                  {item.revisions.map((v) => (
                    <li key={v.id}>
                      <p className="text-xs text-zinc-600 dark:text-zinc-400">Until {formatUtc(v.createdAt)}</p>
                      <p className="whitespace-pre-wrap break-words">{v.body}</p>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}

            <div className="mt-3 flex flex-wrap items-center gap-2">
              {actions.map((a) => (
                <button
                  key={a.action}
                  type="submit"
                  name="op"
                  value={`${a.action}:${ref}`}
                  data-shortcut={a.key}
                  className={`${button} ${styles[a.action]}`}
                >
                  {a.label}
                </button>
              ))}
              {item._count.reports ? (
                <button
                  type="submit"
                  name="op"
                  value={`dismiss_reports:${ref}`}
                  className={`${button} ${styles.restore}`}
                >
                  Dismiss reports
                </button>
              ) : null}
              {tab === "trash" && isAdmin ? (
                <details className="relative">
                  <summary className="cursor-pointer list-none rounded-md px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950">
                    Delete permanently…
                  </summary>
                  <div className="mt-2 rounded-md border border-red-200 p-3 text-sm dark:border-red-900">
                    <p>This destroys the {kind}; it cannot be undone. The log keeps a line saying so.</p>
                    <button
                      type="submit"
                      name="op"
                      value={`delete_permanently:${ref}`}
                      className={`${button} mt-2 bg-red-700 text-white hover:bg-red-800`}
                    >
                      Delete permanently
                    </button>
                  </div>
                </details>
              ) : null}
            </div>
          </div>
        </div>
      </article>
    </li>
  );
}
