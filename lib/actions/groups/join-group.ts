"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { joinGroup } from "@/lib/groups/join-group";

/** /groups/join/<token>: the Join button (opening the link alone joins no one). */
export const joinGroupAction = formAction(z.object({ token: formText() }), async (input, { viewer }) => {
  const group = await joinGroup(viewer, input);
  redirect(`/groups/${group.id}?joined=1`);
});
