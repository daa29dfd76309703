import type { Metadata } from "next";
import Link from "next/link";
import { JoinGroupForm } from "@/components/groups/group-forms";
import { requirePage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { previewInvite } from "@/lib/groups/preview-invite";

export const metadata: Metadata = { title: "Join a group", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

// An invite link: who runs the group and how many are in it, then one button (opening the link joins no one).
export default async function JoinGroupPage({ params }: Props) {
  const { token } = await params;
  const viewer = await requirePage("account.manage", `/groups/join/${encodeURIComponent(token)}`);
  const invite = await previewInvite(viewer, token).catch((e) => {
    if (isAppError(e) && e.code === "not_found") return null;
    throw e;
  });
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{invite ? `Join ${invite.name}` : "Join a group"}</h1>
      {!invite ? (
        <p className="mt-4">
          This invite link is not valid (any more). Ask the group’s owner for a new one.{" "}
          <Link href="/groups" className="text-accent-700 underline dark:text-accent-300">
            Your groups
          </Link>
        </p>
      ) : (
        <>
          {invite.description ? <p className="mt-2 text-zinc-700 dark:text-zinc-300">{invite.description}</p> : null}
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Run by {invite.ownerName ?? "nobody"} · {invite.memberCount}{" "}
            {invite.memberCount === 1 ? "member" : "members"}
          </p>
          <p className="mt-4">
            Members see each other’s group notes in the margin of every article. Leaving keeps what you wrote.
          </p>
          {invite.isMember ? (
            <p className="mt-6">
              You are a member.{" "}
              <Link href={`/groups/${invite.id}`} className="text-accent-700 underline dark:text-accent-300">
                Open the group
              </Link>
            </p>
          ) : invite.wasRemoved ? (
            <p className="mt-6">The group’s owner removed you from this group; ask them to add you again.</p>
          ) : (
            <JoinGroupForm token={token} name={invite.name} />
          )}
        </>
      )}
    </div>
  );
}
