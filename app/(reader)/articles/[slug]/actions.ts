"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/get-viewer";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { setCommentLike } from "@/lib/comments/like-comment";
import { locateComment } from "@/lib/comments/locate-comment";
import { reportComment } from "@/lib/comments/report-comment";
import { formError, type FormState } from "@/lib/http/form-state";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const viewer = async () => getViewer(await headers());

// Posting without JavaScript (with it, the form calls the comments API): on success it lands on
// the comment's permalink position, where it is scrolled to and focused.
export async function postCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const slug = text(form, "slug");
  const parentId = text(form, "parentId") || undefined;
  let target: string;
  try {
    const me = await viewer();
    const { comment, held } = await createComment(me, slug, { body: text(form, "body"), parentId });
    // A held comment is its author's alone: it shows on the per-request page (?posted=), never
    // on the shared one.
    if (held) target = `/articles/${slug}?posted=${comment.id}#comment-${comment.id}`;
    else {
      const { page } = await locateComment(me, slug, comment.id);
      target = `/articles/${slug}?page=${page}#comment-${comment.id}`;
    }
  } catch (e) {
    return formError(e, { body: text(form, "body") });
  }
  redirect(target);
}

export async function editCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await editComment(await viewer(), text(form, "id"), { body: text(form, "body") });
    return { ok: true, message: "Saved." };
  } catch (e) {
    return formError(e, { body: text(form, "body") });
  }
}

export async function deleteCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await deleteComment(await viewer(), text(form, "id"));
    return { ok: true, message: "Comment deleted." };
  } catch (e) {
    return formError(e);
  }
}

export async function likeCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const r = await setCommentLike(await viewer(), text(form, "id"), text(form, "liked") === "1");
    return { ok: true, data: { likeCount: String(r.likeCount), liked: r.liked ? "1" : "0" } };
  } catch (e) {
    return formError(e);
  }
}

export async function reportCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await reportComment(await viewer(), text(form, "id"), { reason: text(form, "reason"), note: text(form, "note") || undefined });
    return { ok: true, message: "Thank you. The editorial board will look at it." };
  } catch (e) {
    return formError(e);
  }
}
