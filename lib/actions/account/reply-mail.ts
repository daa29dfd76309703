"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionViewer, formAction, formText } from "@/lib/actions/form-action";
import { setReplyMail, unsubscribeReplyMail } from "@/lib/notifications/reply-mail-preference";

export async function replyMailAction(form: FormData) {
  await setReplyMail(await actionViewer(), form.get("notify") === "on");
  refresh();
  redirect("/account?saved=notifications#notifications");
}

/** The one-click way out from a reply mail (no sign-in: the link is signed). */
export const unsubscribeReplyMailAction = formAction(z.object({ u: formText(), t: formText() }), async ({ u, t }) => {
  await unsubscribeReplyMail(u, t);
  return { ok: true, message: "Done: you will no longer get an e-mail when someone replies. You can turn them back on in your account." };
});
