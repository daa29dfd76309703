import type { Metadata } from "next";
import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-notifications-read";
import { requirePage } from "@/lib/auth/require-page";
import { formatUtc } from "@/lib/dates/format-utc";
import { groupNotifications, groupSummary } from "@/lib/notifications/group-notifications";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Replies, new comments in followed discussions, approvals and decisions — grouped when several
// came together; each line opens its item (and marks it read). Works without JavaScript.
export default async function NotificationsPage({ searchParams }: Props) {
  const params = await searchParams;
  const viewer = await requirePage("account.manage", "/notifications");
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const { items, next, unread } = await listNotifications(viewer, { cursor, limit: 50 });
  const groups = groupNotifications(items);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
        {unread ? (
          <form action={markNotificationsReadAction}>
            <input type="hidden" name="all" value="1" />
            <SubmitButton variant="secondary">Mark all read</SubmitButton>
          </form>
        ) : null}
      </div>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" role="status">
        {unread ? `${unread} unread.` : "Nothing unread."}
      </p>
      {groups.length ? (
        <ul
          className="mt-6 divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          aria-label="Your notifications"
        >
          {groups.map((g) => {
            const first = g.items[0];
            return (
              <li
                key={g.key}
                className={`flex items-start justify-between gap-3 p-4 ${g.read ? "" : "bg-accent-50 dark:bg-zinc-900"}`}
              >
                <div className="min-w-0">
                  <p className="text-sm">
                    {g.read ? null : (
                      <span className="mr-2 rounded bg-accent-700 px-1.5 py-0.5 text-xs font-semibold text-white dark:bg-accent-300 dark:text-zinc-950">
                        New
                      </span>
                    )}
                    {/* A plain link (no prefetch): opening it marks the group read. */}
                    <a
                      href={`/notifications/open/${first.id}${
                        g.items.length > 1
                          ? `?also=${g.items
                              .slice(1)
                              .map((i) => i.id)
                              .join(",")}`
                          : ""
                      }`}
                      className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                    >
                      {groupSummary(g)}
                    </a>
                  </p>
                  {g.items.length === 1 ? (
                    first.excerpt ? (
                      <p className="mt-1 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{first.excerpt}</p>
                    ) : null
                  ) : (
                    <ul className="mt-1 space-y-1 text-sm text-zinc-700 dark:text-zinc-300">
                      {g.items.slice(0, 5).map((i) => (
                        <li key={i.id} className="line-clamp-1">
                          <span className="font-medium">{i.actor?.name ?? "Someone"}:</span> {i.excerpt}
                        </li>
                      ))}
                      {g.items.length > 5 ? <li>… and {g.items.length - 5} more</li> : null}
                    </ul>
                  )}
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    <time dateTime={first.createdAt}>{formatUtc(first.createdAt)}</time>
                  </p>
                </div>
                {g.read ? null : (
                  <form action={markNotificationsReadAction} className="shrink-0">
                    {g.items.map((i) => (
                      <input key={i.id} type="hidden" name="id" value={i.id} />
                    ))}
                    <button
                      type="submit"
                      className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                      aria-label={`Mark read: ${groupSummary(g)}`}
                    >
                      Mark read
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-6 text-zinc-700 dark:text-zinc-300">
          No notifications yet. Replies to your comments and notes, new comments in discussions you follow and approvals
          of what you wrote will show here.
        </p>
      )}
      {next ? (
        <p className="mt-6">
          <Link
            href={`/notifications?cursor=${encodeURIComponent(next)}`}
            className="font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            Older notifications
          </Link>
        </p>
      ) : null}
      <p className="mt-8 text-sm text-zinc-600 dark:text-zinc-400">
        Which of these also come by e-mail:{" "}
        <Link
          href="/account#notifications"
          className="font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          your account
        </Link>
        .
      </p>
    </div>
  );
}
