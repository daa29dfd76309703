"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { deleteComment } from "@/lib/comments/delete-comment";

export const deleteCommentAction = formAction(z.object({ id: formText() }), async ({ id }, { viewer }) => {
  await deleteComment(viewer, id);
  return { ok: true, message: "Comment deleted." };
});
