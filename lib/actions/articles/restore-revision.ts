"use server";
import { redirect } from "next/navigation";
import { actionViewer } from "@/lib/actions/form-action";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { formError } from "@/lib/http/form-state";

/** The revisions page's "Restore revision N" (after its impact was shown): publishes it again as a new revision. */
export async function restoreRevisionAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  const number = Number(form.get("number"));
  const base = Number(form.get("baseRevision"));
  let outcome: string;
  try {
    const { revision } = await restoreRevision(await actionViewer(), slug, number, {
      baseRevision: Number.isInteger(base) ? base : undefined,
    });
    outcome = `restored=${number}&as=${revision}`;
  } catch (e) {
    outcome = `error=${encodeURIComponent(formError(e).message ?? "")}`;
  }
  redirect(`/studio/${slug}/revisions?${outcome}`);
}
