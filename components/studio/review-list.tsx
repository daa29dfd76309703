import Link from "next/link";
import type { listPendingReview } from "@/lib/articles/list-pending-review";
import { clock } from "@/lib/clock";
import { StudioTime } from "./studio-time";

type Row = Awaited<ReturnType<typeof listPendingReview>>[number];

/** "3 days", "5 hours", "12 minutes": how long an article has waited. */
export function waitingFor(since: Date, now = clock.now()) {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const [n, unit] =
    minutes >= 2880
      ? [Math.floor(minutes / 1440), "day"]
      : minutes >= 120
        ? [Math.floor(minutes / 60), "hour"]
        : [minutes, "minute"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

// The board's Review tab: articles waiting for review, the longest-waiting first.
export function ReviewList({ articles }: { articles: Row[] }) {
  if (!articles.length)
    return (
      <p className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        Nothing waits for review.
      </p>
    );
  return (
    <ul
      className="divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      aria-label="Waiting for review"
    >
      {articles.map((a) => (
        <li key={a.slug} className="grid gap-1 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-6">
          <div className="min-w-0">
            <Link href={`/studio/${a.slug}`} className="font-serif text-lg font-semibold leading-snug hover:underline">
              {a.title}
            </Link>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {a.author}
              {a.owner && a.owner.name !== a.author ? ` (submitted by ${a.owner.name})` : ""} · submitted{" "}
              <StudioTime date={a.submittedAt} /> · {a.wordCount.toLocaleString("en")} words
              {a.openNotes ? ` · ${a.openNotes} open review ${a.openNotes === 1 ? "note" : "notes"}` : ""}
            </p>
          </div>
          <p className="text-sm font-medium text-sky-900 dark:text-sky-200">
            {clock.now().getTime() - a.submittedAt.getTime() < 60_000
              ? "Just submitted"
              : `Waiting ${waitingFor(a.submittedAt)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
