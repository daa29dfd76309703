"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { reportComment } from "@/lib/comments/report-comment";
import { reportThanks } from "@/lib/moderation/report-thanks";

export const reportCommentAction = formAction(
  z.object({ id: formText(), reason: formText(), note: formText() }),
  async ({ id, reason, note }, { viewer }) => {
    const { counted } = await reportComment(viewer, id, { reason, note: note || undefined });
    return { ok: true, message: reportThanks("comment", counted) };
  },
);
