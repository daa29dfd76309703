import type { Metadata } from "next";
import Link from "next/link";
import { CreateGroupForm } from "@/components/groups/group-forms";
import { RowList } from "@/components/groups/group-rows";
import { requirePage } from "@/lib/auth/require-page";
import { listMyGroups } from "@/lib/groups/list-my-groups";

export const metadata: Metadata = { title: "Groups", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const membershipLabel = { owner: "You run it", member: "Member", board: "By your role" } as const;

// My reading groups (issue 19) and the form to make one. Notes written to a group are seen by its members only.
export default async function GroupsPage({ searchParams }: Props) {
  const viewer = await requirePage("account.manage", "/groups");
  const [groups, params] = await Promise.all([listMyGroups(viewer), searchParams]);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Groups</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        Read and annotate together: a note written to a group is seen by its members only. Leaving a group keeps what
        you wrote.
      </p>
      <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-400">
        {params.left ? "You left the group. Your notes stay in it and in your own notes." : ""}
      </p>
      <section aria-labelledby="my-groups-title" className="mt-8">
        <h2 id="my-groups-title" className="text-lg font-semibold">
          Your groups
        </h2>
        {groups.length ? (
          <RowList>
            {groups.map((g) => (
              <li key={g.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
                <div className="min-w-0">
                  <Link
                    href={`/groups/${g.id}`}
                    className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                  >
                    {g.name}
                  </Link>
                  {g.description ? (
                    <p className="mt-1 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{g.description}</p>
                  ) : null}
                </div>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {g.memberCount} {g.memberCount === 1 ? "member" : "members"} · {membershipLabel[g.membership]}
                </p>
              </li>
            ))}
          </RowList>
        ) : (
          <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
            You are in no group yet. Make one below, or open an invite link someone sent you.
          </p>
        )}
      </section>
      <section aria-labelledby="new-group-title" className="mt-10 border-t border-zinc-200 pt-8 dark:border-zinc-800">
        <h2 id="new-group-title" className="mb-4 text-lg font-semibold">
          Make a group
        </h2>
        <CreateGroupForm />
      </section>
    </div>
  );
}
