"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { reportComment } from "@/lib/comments/report-comment";

export const reportCommentAction = formAction(z.object({ id: formText(), reason: formText(), note: formText() }), async ({ id, reason, note }, { viewer }) => {
  await reportComment(viewer, id, { reason, note: note || undefined });
  return { ok: true, message: "Thank you. The editorial board will look at it." };
});
