"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { editComment } from "@/lib/comments/edit-comment";

export const editCommentAction = formAction(
  z.object({ id: formText(), body: formText() }),
  async ({ id, body }, { viewer }) => {
    await editComment(viewer, id, { body });
    return { ok: true, message: "Saved." };
  },
);
