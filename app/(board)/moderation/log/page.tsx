import type { Metadata } from "next";
import Link from "next/link";
import { BoardShell } from "@/components/moderation/board-shell";
import { auditActionLabel, describeChange } from "@/components/moderation/describe";
import { requirePage } from "@/lib/auth/require-page";
import { formatUtc } from "@/lib/dates/format-utc";
import { listAuditLog } from "@/lib/moderation/list-audit-log";

export const metadata: Metadata = { title: "Audit log · Moderation", robots: { index: false } };

const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined;

// Every moderation action, rule change, ban and role change, newest first. Nothing here can be edited.
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePage("moderation.read", "/moderation/log");
  const cursor = one((await searchParams).cursor);
  const { entries, next } = await listAuditLog(viewer, { cursor, take: 50 });
  return (
    <BoardShell
      title="Audit log"
      current="/moderation/log"
      role={viewer.role}
      intro="Who did what, when, and why. Append-only: entries cannot be changed or removed."
    >
      {entries.length ? (
        <ol
          aria-label="Audit log entries"
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {entries.map((e) => {
            const change = describeChange(e.before, e.after);
            const email = (e.after as { email?: string } | null)?.email;
            return (
              <li key={e.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[11rem_1fr]">
                <time
                  dateTime={e.createdAt.toISOString()}
                  className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
                >
                  {formatUtc(e.createdAt, { seconds: true })}
                </time>
                <div className="min-w-0">
                  <p>
                    <span className="font-semibold">{e.actor ? e.actor.name : "System"}</span>{" "}
                    <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium dark:bg-zinc-800">
                      {auditActionLabel(e.action)}
                    </span>{" "}
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {e.targetType === "settings" ? "" : e.targetType}
                    </span>{" "}
                    {e.target?.href ? (
                      <Link
                        href={e.target.href}
                        className="break-words text-accent-700 hover:underline dark:text-accent-300"
                      >
                        {e.target.label}
                      </Link>
                    ) : (
                      <span className="break-words">{e.target?.label ?? email ?? e.targetId ?? ""}</span>
                    )}
                  </p>
                  {change.length ? (
                    <ul className="mt-1 space-y-0.5 font-mono text-xs text-zinc-700 dark:text-zinc-300">
                      {change.map((c) => (
                        <li key={c} className="break-words">
                          {c}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {e.reason ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">Reason: {e.reason}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">Nothing has been logged yet.</p>
      )}
      <nav aria-label="Log pages" className="mt-4 flex justify-between text-sm">
        {cursor ? (
          <Link href="/moderation/log" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            href={`/moderation/log?cursor=${next}`}
            className="font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            Older entries →
          </Link>
        ) : null}
      </nav>
    </BoardShell>
  );
}
