"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionViewer, formAction, formText } from "@/lib/actions/form-action";
import { setMailPreferences, unsubscribeReplyMail } from "@/lib/notifications/reply-mail-preference";

/** The account page's mail settings (replies, followed discussions, automatic follow, new articles). */
export async function replyMailAction(form: FormData) {
  const on = (name: string) => form.get(name) === "on";
  const confirming = await setMailPreferences(await actionViewer(), {
    notifyReplies: on("notify"),
    notifyFollowed: on("notifyFollowed"),
    autoFollow: on("autoFollow"),
    newArticles: on("newArticles"),
  });
  refresh();
  redirect(`/account?saved=${confirming ? "confirm-articles" : "notifications"}#notifications`);
}

/** The one-click way out from a reply mail (no sign-in: the link is signed). */
export const unsubscribeReplyMailAction = formAction(z.object({ u: formText(), t: formText() }), async ({ u, t }) => {
  await unsubscribeReplyMail(u, t);
  return {
    ok: true,
    message: "Done: you will no longer get an e-mail when someone replies. You can turn them back on in your account.",
  };
});
