"use server";
import { redirect } from "next/navigation";
import { actionViewer } from "@/lib/actions/form-action";
import { restoreArticle, trashArticle } from "@/lib/articles/trash-article";
import { formError } from "@/lib/http/form-state";

const reason = (e: unknown) => encodeURIComponent(formError(e).message ?? "");

/** "Move to trash" (a form, works without JavaScript): to the Trash list, which offers Restore. */
export async function trashArticleAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  let to: string;
  try {
    await trashArticle(await actionViewer(), slug);
    to = `/studio?status=trash&trashed=${encodeURIComponent(slug)}`;
  } catch (e) {
    to = `/studio/${encodeURIComponent(slug)}?error=${reason(e)}`;
  }
  redirect(to);
}

/** "Restore" from the trash: back in the studio as a draft. */
export async function restoreArticleAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  let to: string;
  try {
    await restoreArticle(await actionViewer(), slug);
    to = `/studio/${encodeURIComponent(slug)}?restored=1`;
  } catch (e) {
    to = `/studio?status=trash&error=${reason(e)}`;
  }
  redirect(to);
}
