"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { reportComment } from "@/lib/comments/report-comment";

export const reportCommentAction = formAction(
  z.object({ id: formText(), reason: formText(), note: formText() }),
  async ({ id, reason, note }, { viewer }) => {
    const { counted } = await reportComment(viewer, id, { reason, note: note || undefined });
    return {
      ok: true,
      message: counted
        ? "Thank you. The editorial board will look at it."
        : `Thank you. The editorial board will see it; it counts towards hiding the comment once you confirm your e-mail address (see your account page).`,
    };
  },
);
