"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { leaveGroup } from "@/lib/groups/leave-group";
import { removeGroupMember } from "@/lib/groups/remove-group-member";
import { removeGroupNote } from "@/lib/groups/remove-group-note";
import { keepGroupNote } from "@/lib/groups/reported-group-notes";

// A group page's buttons (each a small form, without JavaScript too).

export const leaveGroupAction = formAction(z.object({ group: formText() }), async ({ group }, { viewer }) => {
  await leaveGroup(viewer, group);
  redirect("/groups?left=1");
});

export const removeGroupMemberAction = formAction(
  z.object({ group: formText(), user: formText() }),
  async ({ group, user }, { viewer }) => {
    await removeGroupMember(viewer, group, user);
    redirect(`/groups/${group}?removed=member`);
  },
);

export const removeGroupNoteAction = formAction(
  z.object({ group: formText(), note: formText() }),
  async ({ group, note }, { viewer }) => {
    await removeGroupNote(viewer, group, note);
    redirect(`/groups/${group}?removed=note`);
  },
);

export const keepGroupNoteAction = formAction(
  z.object({ group: formText(), note: formText() }),
  async ({ group, note }, { viewer }) => {
    await keepGroupNote(viewer, group, note);
    redirect(`/groups/${group}?removed=kept`);
  },
);
