"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { changeUserRole } from "@/lib/moderation/change-user-role";

export const changeRoleAction = formAction(
  z.object({ email: formText(), role: formText() }),
  async (values, { viewer }) => {
    const r = await changeUserRole(viewer, values);
    refresh();
    return { ok: true, message: `Role changed to ${r.role}.` };
  },
);
