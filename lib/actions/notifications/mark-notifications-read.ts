"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { actionViewer } from "@/lib/actions/form-action";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

/** /notifications: "Mark read" on one group (its ids) or "Mark all read" (works without JavaScript). */
export async function markNotificationsReadAction(form: FormData) {
  const viewer = await actionViewer();
  const ids = form.getAll("id").filter((v): v is string => typeof v === "string" && !!v);
  if (form.get("all") === "1" || ids.length)
    await markNotificationsRead(viewer, form.get("all") === "1" ? { all: true } : { ids });
  refresh();
  redirect("/notifications?marked=1");
}
