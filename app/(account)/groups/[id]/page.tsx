import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupButton, InviteLink } from "@/components/groups/group-forms";
import { GroupNoteItem, RowList } from "@/components/groups/group-rows";
import { requirePage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { getGroup } from "@/lib/groups/get-group";
import { listGroupNotes } from "@/lib/groups/list-group-notes";
import { listReportedGroupNotes } from "@/lib/groups/reported-group-notes";

export const metadata: Metadata = { title: "Group", robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const notices: Record<string, string> = {
  created: "Your group is ready. Send its invite link to the people you read with.",
  joined: "You joined the group. Choose it in the margin when you write a note.",
  member: "The member was removed. What they wrote stays in the group.",
  note: "The note was removed from the group (its history is kept).",
  kept: "The note stays; its reports were dismissed.",
};

const reasonLabels: Record<string, string> = {
  spam: "Spam",
  harassment: "Harassment",
  off_topic: "Off-topic",
  other: "Something else",
};

// One group (issue 19): its members, the invite link and the owner's tools; its members only.
export default async function GroupPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePage("account.manage", `/groups/${encodeURIComponent(id)}`);
  const group = await getGroup(viewer, id).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const query = await searchParams;
  const notice =
    notices[
      query.created ? "created" : query.joined ? "joined" : typeof query.removed === "string" ? query.removed : ""
    ];
  const runs = group.membership === "owner" || group.membership === "board";
  const notes = await listGroupNotes(viewer, group.id);
  const reported = runs ? await listReportedGroupNotes(viewer, group.id) : [];
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/groups" className="text-accent-700 hover:underline dark:text-accent-300">
          ← Groups
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">{group.name}</h1>
      {group.description ? <p className="mt-2 text-zinc-700 dark:text-zinc-300">{group.description}</p> : null}
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {group.kind === "board"
          ? "The editorial board: moderators, editors and admins, by their role."
          : `Run by ${group.owner?.name ?? "nobody"} · ${group.memberCount} ${group.memberCount === 1 ? "member" : "members"}`}
      </p>
      <p role="status" className="mt-3 text-sm text-green-800 dark:text-green-400">
        {notice ?? ""}
      </p>

      {group.inviteUrl ? (
        <section aria-labelledby="invite-title" className="mt-8">
          <h2 id="invite-title" className="mb-2 text-lg font-semibold">
            Invite
          </h2>
          <InviteLink url={group.inviteUrl} />
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Anyone with a Gloss account who opens it can join. Members you remove cannot come back through it.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="members-title" className="mt-8">
        <h2 id="members-title" className="text-lg font-semibold">
          Members
        </h2>
        <RowList>
          {group.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <Link href={`/users/${m.id}`} className="font-medium hover:underline">
                  {m.name}
                </Link>
                {m.role === "owner" ? (
                  <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">owner</span>
                ) : null}
                {m.id === viewer.id ? (
                  <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">(you)</span>
                ) : null}
              </span>
              {group.membership === "owner" && m.role === "member" ? (
                <GroupButton
                  run="removeMember"
                  fields={{ group: group.id, user: m.id }}
                  label="Remove"
                  accessibleName={`Remove ${m.name}`}
                />
              ) : null}
            </li>
          ))}
        </RowList>
      </section>

      {runs && reported.length ? (
        <section aria-labelledby="reported-title" className="mt-8">
          <h2 id="reported-title" className="text-lg font-semibold">
            Reported notes
          </h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Members reported these notes. Remove one from the group (its history is kept), or keep it and dismiss the
            reports.
          </p>
          <ul className="mt-3 space-y-3">
            {reported.map((n) => (
              <GroupNoteItem
                key={n.id}
                note={n}
                tone="reported"
                meta={
                  <>
                    {" · "}
                    <strong className="text-zinc-900 dark:text-zinc-100">
                      {n.reports} {n.reports === 1 ? "report" : "reports"}
                    </strong>
                  </>
                }
              >
                <ul className="mt-2 list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300" aria-label="Reasons">
                  {n.reasons.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: reasons repeat and have no id of their own here
                    <li key={i}>
                      {reasonLabels[r.reason] ?? r.reason}
                      {r.note ? `: ${r.note}` : ""}
                    </li>
                  ))}
                </ul>
                <div className="mt-2 flex flex-wrap justify-end gap-2">
                  <GroupButton
                    run="keepNote"
                    fields={{ group: group.id, note: n.id }}
                    label="Keep"
                    accessibleName={`Keep the note by ${n.author} and dismiss its reports`}
                  />
                  <GroupButton
                    run="removeNote"
                    fields={{ group: group.id, note: n.id }}
                    label="Remove from group"
                    accessibleName={`Remove the reported note by ${n.author} from the group`}
                  />
                </div>
              </GroupNoteItem>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="group-notes-title" className="mt-8">
        <h2 id="group-notes-title" className="text-lg font-semibold">
          Latest notes
        </h2>
        {notes.length ? (
          <ul className="mt-3 space-y-3">
            {notes.map((n) => (
              <GroupNoteItem key={n.id} note={n}>
                {runs ? (
                  <div className="mt-2 flex justify-end">
                    <GroupButton
                      run="removeNote"
                      fields={{ group: group.id, note: n.id }}
                      label="Remove note"
                      accessibleName={`Remove the note by ${n.author}`}
                    />
                  </div>
                ) : null}
              </GroupNoteItem>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
            No notes yet. On any article, select a passage, choose this group under “Who sees it”, and write.
          </p>
        )}
      </section>

      {group.membership === "member" ? (
        <section aria-labelledby="leave-title" className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="leave-title" className="text-lg font-semibold">
            Leave
          </h2>
          <p className="mb-3 mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            You will no longer see the group’s notes. What you wrote stays in the group and in your own notes.
          </p>
          <GroupButton run="leave" fields={{ group: group.id }} label="Leave group" />
        </section>
      ) : null}
    </div>
  );
}
