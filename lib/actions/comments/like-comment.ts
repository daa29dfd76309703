"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { setCommentLike } from "@/lib/comments/like-comment";

export const likeCommentAction = formAction(
  z.object({ id: formText(), liked: formText() }),
  async ({ id, liked }, { viewer }) => {
    const r = await setCommentLike(viewer, id, liked === "1");
    return { ok: true, data: { likeCount: String(r.likeCount), liked: r.liked ? "1" : "0" } };
  },
);
