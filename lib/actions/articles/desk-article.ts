"use server";
import { redirect } from "next/navigation";
import { actionViewer } from "@/lib/actions/form-action";
import { reviewArticle } from "@/lib/articles/review-article";
import { submitArticle, withdrawArticle } from "@/lib/articles/submit-article";
import { formError } from "@/lib/http/form-state";

// The desk's buttons in the studio (forms: they work without JavaScript), each back to the article
// with what happened, or the refusal's message.
const back = (slug: string, query: string) => `/studio/${encodeURIComponent(slug)}?${query}`;
const failed = (slug: string, e: unknown) => back(slug, `error=${encodeURIComponent(formError(e).message ?? "")}`);

/** "Submit for review". */
export async function submitArticleAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  let to: string;
  try {
    await submitArticle(await actionViewer(), slug);
    to = back(slug, "desk=submitted");
  } catch (e) {
    to = failed(slug, e);
  }
  redirect(to);
}

/** "Withdraw from review": a draft again, to edit. */
export async function withdrawArticleAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  let to: string;
  try {
    await withdrawArticle(await actionViewer(), slug);
    to = back(slug, "desk=withdrawn");
  } catch (e) {
    to = failed(slug, e);
  }
  redirect(to);
}

/** "Approve" or "Request changes", with the message for the author. */
export async function reviewArticleAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  const decision = String(form.get("decision") ?? "");
  const message = String(form.get("message") ?? "").trim();
  let to: string;
  try {
    const r = await reviewArticle(await actionViewer(), slug, { decision, ...(message ? { message } : {}) });
    to = back(
      slug,
      `desk=${r.decision === "approve" ? (r.status === "scheduled" ? "scheduled" : "approved") : "changes"}`,
    );
  } catch (e) {
    to = failed(slug, e);
  }
  redirect(to);
}
