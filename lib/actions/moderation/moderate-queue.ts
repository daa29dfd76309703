"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { actOnSelection } from "@/lib/moderation/act-on-selection";

const done: Record<string, string> = {
  approve: "Approved",
  spam: "Marked as spam",
  trash: "Moved to Trash",
  restore: "Restored to Pending",
  dismiss_reports: "Dismissed the reports on",
  delete_permanently: "Deleted permanently",
};
const counted = (results: object[], type?: string) => {
  const types = new Set(results.map((r) => ("type" in r ? String(r.type) : type)));
  const noun = types.size === 1 ? (types.has("annotation") ? "note" : "comment") : "item";
  return `${results.length} ${noun}${results.length === 1 ? "" : "s"}`;
};

// The queue form: a per-item button submits op "<action>:<type>:<id>", a bulk button
// "<action>:selected" with the ticked "selected" boxes ("<type>:<id>"). Works without JavaScript.
export const moderateQueueAction = formAction(
  z.object({ op: formText(), reason: formText() }),
  async ({ op, reason: typed }, { viewer, form }) => {
    const [action = "", type = "", id = ""] = op.split(":");
    const reason = typed.trim() || undefined;
    if (type === "selected") {
      const items = form
        .getAll("selected")
        .map(String)
        .map((v) => ({ type: v.split(":")[0], id: v.split(":")[1] ?? "" }));
      const r = await actOnSelection(viewer, { items, action, reason });
      refresh();
      return { ok: true, message: `${done[action] ?? action} ${counted(r.results)}.` };
    }
    const r = await actOnItems(viewer, { type, ids: [id], action, reason });
    refresh();
    return { ok: true, message: `${done[action] ?? action} ${counted(r.results, type)}.` };
  },
);
