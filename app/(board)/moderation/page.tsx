import type { Metadata } from "next";
import Link from "next/link";
import { BoardShell } from "@/components/moderation/board-shell";
import { KeyboardHelp } from "@/components/moderation/keyboard-help";
import { QueueFilters } from "@/components/moderation/queue-filters";
import { QueueForm } from "@/components/moderation/queue-form";
import { bulkActionsByTab, QueueItem } from "@/components/moderation/queue-item";
import { QueueTabs } from "@/components/moderation/queue-tabs";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { clock } from "@/lib/clock";
import { listQueue, type QueueView, queueCounts, reportedCount } from "@/lib/moderation/list-queue";
import { getSettings } from "@/lib/settings/get-settings";
import { itemTypeSchema, queueStatusSchema } from "@/lib/validation/moderation";

export const metadata: Metadata = { title: "Moderation queue", robots: { index: false } };

const tabs: { status: QueueView; label: string }[] = [
  { status: "pending", label: "Pending" },
  { status: "reported", label: "Reported" },
  { status: "approved", label: "Approved" },
  { status: "spam", label: "Spam" },
  { status: "trash", label: "Trash" },
];
const empty: Record<QueueView, string> = {
  reported:
    "No open reports. Whatever readers report appears here, hidden or not, until a moderator acts on it or dismisses the reports.",
  pending:
    "Nothing is waiting. Comments and notes that trip a rule, or that enough readers report to hide them, appear here; fewer reports are under Reported.",
  approved: "No approved comments or notes match.",
  spam: "No spam. Contributions with a disallowed word land here, and whatever a moderator marks as spam.",
  trash: "Trash is empty.",
};

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined;

// The moderation queue: comments and public notes together, by tab, filtered, page by page.
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePage("moderation.read", "/moderation");
  const q = await searchParams;
  const status = queueStatusSchema.parse(one(q.status));
  const type = itemTypeSchema.safeParse(one(q.type)).data;
  const filters = { type, article: one(q.article), author: one(q.author), reason: one(q.reason) };
  const cursor = one(q.cursor);
  const [{ items, next }, statusCounts, reported, settings] = await Promise.all([
    listQueue(viewer, { status, ...filters, cursor }),
    queueCounts(viewer.role),
    reportedCount(viewer.role),
    getSettings(),
  ]);
  const counts: Record<QueueView, number> = { ...statusCounts, reported };

  const href = (change: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, ...filters, ...change })) if (v) params.set(k, v);
    return `/moderation?${params}`;
  };
  const now = clock.now();
  return (
    <BoardShell
      title="Moderation"
      current="/moderation"
      role={viewer.role}
      intro={
        <>
          Comments and margin notes, held by the rules or reported by readers. Every action is{" "}
          <Link href="/moderation/log" className="underline">
            logged
          </Link>
          .
        </>
      }
    >
      <div className="space-y-4">
        <QueueTabs
          current={status}
          tabs={tabs.map((t) => ({
            ...t,
            count: counts[t.status],
            href: href({ status: t.status, cursor: undefined }),
          }))}
        />
        <div className="grid gap-3 lg:grid-cols-[1fr_16rem]">
          <QueueFilters values={{ status, ...filters }} />
          <KeyboardHelp />
        </div>
        <section id="queue-panel" role="tabpanel" aria-labelledby={`tab-${status}`}>
          <QueueForm bulkActions={items.length ? bulkActionsByTab(status) : []}>
            {items.length ? (
              <ol className="space-y-3" aria-label={`${tabs.find((t) => t.status === status)!.label} items`}>
                {items.map((item) => (
                  <QueueItem
                    key={`${item.type}-${item.id}`}
                    item={item}
                    tab={status}
                    isAdmin={roleCan(viewer.role, "moderation.purge")}
                    linkHoldThreshold={settings.linkHoldThreshold}
                    now={now}
                    filterHref={href}
                  />
                ))}
              </ol>
            ) : (
              <p
                id="queue-empty"
                tabIndex={-1}
                className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
              >
                {empty[status]}
              </p>
            )}
          </QueueForm>
          <nav aria-label="Queue pages" className="mt-4 flex justify-between text-sm">
            {cursor ? (
              <Link
                href={href({ cursor: undefined })}
                className="font-medium text-accent-700 hover:underline dark:text-accent-300"
              >
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link
                href={href({ cursor: next })}
                className="font-medium text-accent-700 hover:underline dark:text-accent-300"
              >
                Older items →
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </BoardShell>
  );
}
