"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { createGroup } from "@/lib/groups/create-group";

/** /groups: the create form (works without JavaScript); opens the new group's page. */
export const createGroupAction = formAction(
  z.object({ name: formText(), description: formText() }),
  async (input, { viewer }) => {
    const group = await createGroup(viewer, input);
    redirect(`/groups/${group.id}?created=1`);
  },
);
