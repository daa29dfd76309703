type Status = "draft" | "pending_review" | "scheduled" | "published";

const styles: Record<Status, string> = {
  draft: "bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
  pending_review: "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-700",
  scheduled: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  published: "bg-green-50 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700",
};
const labels: Record<Status, string> = {
  draft: "Draft",
  pending_review: "Waiting for review",
  scheduled: "Scheduled",
  published: "Published",
};

// An article's status as a small pill; "Unpublished changes" when a published one has a pending draft.
export function StatusBadge({ status, hasDraft = false }: { status: Status; hasDraft?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${styles[status]}`}>
        {labels[status]}
      </span>
      {hasDraft && (status === "published" || status === "scheduled") ? (
        <span className="rounded-full px-2 py-0.5 text-xs font-medium text-accent-700 ring-1 ring-inset ring-accent-300 dark:text-accent-300">
          Unpublished changes
        </span>
      ) : null}
    </span>
  );
}
