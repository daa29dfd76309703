import type { Metadata } from "next";
import { BoardShell } from "@/components/moderation/board-shell";
import { requirePage } from "@/lib/auth/require-page";
import { subscriberCounts } from "@/lib/subscribers/announce-article";

export const metadata: Metadata = { title: "Subscribers", robots: { index: false } };

// Admins: how many readers get new articles by e-mail, and the confirmed list as CSV.
export default async function SubscribersPage() {
  const viewer = await requirePage("subscribers.read", "/moderation/subscribers");
  const { confirmed, waiting } = await subscriberCounts(viewer);
  return (
    <BoardShell
      title="Subscribers"
      current="/moderation/subscribers"
      role={viewer.role}
      intro="Readers who get each new article by e-mail. Only admins see this list."
    >
      <dl className="grid max-w-md grid-cols-2 gap-4">
        <div className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Confirmed</dt>
          <dd className="text-2xl font-bold tabular-nums">{confirmed}</dd>
        </div>
        <div className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Waiting to confirm</dt>
          <dd className="text-2xl font-bold tabular-nums">{waiting}</dd>
        </div>
      </dl>
      <p className="mt-6">
        <a
          href="/api/subscribers/export"
          download
          className="font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          Export the confirmed list (CSV)
        </a>
      </p>
    </BoardShell>
  );
}
