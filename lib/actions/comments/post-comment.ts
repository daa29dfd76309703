"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { createComment } from "@/lib/comments/create-comment";
import { locateComment } from "@/lib/comments/locate-comment";

// Posting without JavaScript (with it, the form calls the comments API): on success it lands on
// the comment's permalink position, where it is scrolled to and focused.
export const postCommentAction = formAction(
  z.object({ slug: formText(), parentId: formText(), body: formText() }),
  async ({ slug, parentId, body }, { viewer }) => {
    const { comment, held } = await createComment(viewer, slug, { body, parentId: parentId || undefined });
    // A held comment is its author's alone: it shows on the per-request page (?posted=), never
    // on the shared one.
    if (held) redirect(`/articles/${slug}?posted=${comment.id}#comment-${comment.id}`);
    const { page } = await locateComment(viewer, slug, comment.id);
    // A reply may sit in a branch a page load leaves out: `comment` makes the page show the way down to it.
    redirect(`/articles/${slug}?page=${page}${parentId ? `&comment=${comment.id}` : ""}#comment-${comment.id}`);
  },
);
