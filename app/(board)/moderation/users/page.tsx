import type { Metadata } from "next";
import Link from "next/link";
import { BoardShell } from "@/components/moderation/board-shell";
import { accountAge } from "@/components/moderation/describe";
import { BanForm, RoleForm, UnbanForm } from "@/components/moderation/user-forms";
import { isBanned } from "@/lib/auth/can-contribute";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { clock } from "@/lib/clock";
import { formatUtc } from "@/lib/dates/format-utc";
import { listUsers } from "@/lib/moderation/list-users";

export const metadata: Metadata = { title: "Users · Moderation", robots: { index: false } };

const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined;

// Accounts for the board: find someone, ban or unban them; admins also change roles.
export default async function ModerationUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePage("moderation.read", "/moderation/users");
  const params = await searchParams;
  const q = one(params.q);
  const { users, next } = await listUsers(viewer, { q, cursor: one(params.cursor) });
  const isAdmin = roleCan(viewer.role, "users.manage");
  const now = clock.now();
  return (
    <BoardShell
      title="Users"
      current="/moderation/users"
      role={viewer.role}
      intro={
        isAdmin
          ? "Ban and unban people; change roles. Every change is logged."
          : "Ban and unban people. Only admins change roles."
      }
    >
      <form method="get" action="/moderation/users" role="search" className="mb-6 flex max-w-lg items-end gap-2">
        <label className="flex-1 text-sm font-medium">
          Find by email or name
          <input
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Search
        </button>
      </form>
      {users.length ? (
        <ul
          aria-label="Users"
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {users.map((u) => {
            const banned = isBanned(u, now);
            const self = u.id === viewer.id;
            return (
              <li
                key={u.id}
                aria-labelledby={`user-${u.id}`}
                className="grid gap-3 p-4 lg:grid-cols-[minmax(0,16rem)_1fr]"
              >
                <div className="min-w-0">
                  <p id={`user-${u.id}`} className="font-semibold">
                    {u.name}
                    {self ? " (you)" : ""}
                  </p>
                  <p className="break-all text-sm text-zinc-600 dark:text-zinc-400">{u.email}</p>
                  <p className="mt-1 flex flex-wrap gap-1.5 text-xs">
                    <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium dark:bg-zinc-800">{u.role}</span>
                    {banned ? (
                      <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
                        {u.bannedUntil ? `banned until ${formatUtc(u.bannedUntil)}` : "banned permanently"}
                      </span>
                    ) : u.status === "banned" ? (
                      <span className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">ban expired</span>
                    ) : (
                      <span className="rounded bg-green-100 px-1.5 py-0.5 text-green-900 dark:bg-green-950 dark:text-green-200">
                        active
                      </span>
                    )}
                    {u.trustedAt ? (
                      <span className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">trusted</span>
                    ) : null}
                    <span className="text-zinc-600 dark:text-zinc-400">member for {accountAge(u.createdAt, now)}</span>
                  </p>
                  {banned && u.banReason ? <p className="mt-1 text-sm">Reason: {u.banReason}</p> : null}
                  <p className="mt-1 text-xs">
                    <Link
                      href={`/moderation?status=approved&author=${u.id}`}
                      className="text-accent-700 hover:underline dark:text-accent-300"
                    >
                      Their contributions
                    </Link>
                  </p>
                </div>
                {self ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">This is your account.</p>
                ) : (
                  <div className="space-y-3">
                    {banned ? <UnbanForm email={u.email} name={u.name} /> : <BanForm email={u.email} name={u.name} />}
                    {isAdmin ? <RoleForm email={u.email} name={u.name} role={u.role} /> : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">No account matches.</p>
      )}
      {next ? (
        <p className="mt-4 text-sm">
          <Link
            href={`/moderation/users?${new URLSearchParams({ ...(q ? { q } : {}), cursor: next })}`}
            className="font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            More users →
          </Link>
        </p>
      ) : null}
    </BoardShell>
  );
}
