"use server";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { formatUtc } from "@/components/moderation/describe";
import { getViewer } from "@/lib/auth/get-viewer";
import { formError, type FormState } from "@/lib/http/form-state";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { actOnSelection } from "@/lib/moderation/act-on-selection";
import { banUser, unbanUser } from "@/lib/moderation/ban-user";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const viewer = async () => getViewer(await headers());

const done: Record<string, string> = {
  approve: "Approved", spam: "Marked as spam", trash: "Moved to Trash", restore: "Restored to Pending",
  dismiss_reports: "Dismissed the reports on", delete_permanently: "Deleted permanently",
};
const counted = (results: object[], type?: string) => {
  const types = new Set(results.map((r) => ("type" in r ? String(r.type) : type)));
  const noun = types.size === 1 ? (types.has("annotation") ? "note" : "comment") : "item";
  return `${results.length} ${noun}${results.length === 1 ? "" : "s"}`;
};

// The queue form: a per-item button submits op "<action>:<type>:<id>", a bulk button
// "<action>:selected" with the ticked "selected" boxes ("<type>:<id>"). Works without JavaScript.
export async function moderateQueueAction(_prev: FormState, form: FormData): Promise<FormState> {
  const [action = "", type = "", id = ""] = text(form, "op").split(":");
  const reason = text(form, "reason").trim() || undefined;
  try {
    const me = await viewer();
    if (type === "selected") {
      const items = form.getAll("selected").map(String).map((v) => ({ type: v.split(":")[0], id: v.split(":")[1] ?? "" }));
      const r = await actOnSelection(me, { items, action, reason });
      refresh();
      return { ok: true, message: `${done[action] ?? action} ${counted(r.results)}.` };
    }
    const r = await actOnItems(me, { type, ids: [id], action, reason });
    refresh();
    return { ok: true, message: `${done[action] ?? action} ${counted(r.results, type)}.` };
  } catch (e) {
    return formError(e);
  }
}

export async function banAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email"), duration: text(form, "duration"), reason: text(form, "reason") };
  try {
    const r = await banUser(await viewer(), values);
    refresh();
    return { ok: true, message: r.bannedUntil ? `Banned until ${formatUtc(r.bannedUntil)}.` : "Banned permanently." };
  } catch (e) {
    return formError(e, values);
  }
}

export async function unbanAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await unbanUser(await viewer(), text(form, "email"));
    refresh();
    return { ok: true, message: "Unbanned." };
  } catch (e) {
    return formError(e);
  }
}

export async function changeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const r = await changeUserRole(await viewer(), { email: text(form, "email"), role: text(form, "role") });
    refresh();
    return { ok: true, message: `Role changed to ${r.role}.` };
  } catch (e) {
    return formError(e);
  }
}

const numberFields = ["linkHoldThreshold", "closeAfterDays", "reportThreshold"] as const;
const lines = (v: string) => v.split(/\r?\n/).map((w) => w.trim()).filter(Boolean);

export async function updateSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = Object.fromEntries(["linkHoldThreshold", "closeAfterDays", "reportThreshold", "moderationWords", "disallowedWords"].map((k) => [k, text(form, k)]));
  values.holdFirstContribution = form.get("holdFirstContribution") ? "on" : "";
  values.holdAll = form.get("holdAll") ? "on" : "";
  // Form text → the schema's types; whether the numbers are in range is the schema's call.
  const errors: Record<string, string> = {};
  const numbers: Record<string, number | null> = {};
  for (const k of numberFields) {
    const raw = values[k].trim();
    if (!raw && k === "closeAfterDays") numbers[k] = null;
    else if (!/^-?\d+$/.test(raw)) errors[k] = "Enter a whole number.";
    else numbers[k] = Number(raw);
  }
  if (Object.keys(errors).length) return { message: "Please correct the highlighted fields.", errors, values };
  try {
    await updateModerationSettings(await viewer(), {
      holdFirstContribution: !!values.holdFirstContribution, holdAll: !!values.holdAll,
      moderationWords: lines(values.moderationWords), disallowedWords: lines(values.disallowedWords), ...numbers,
    });
  } catch (e) {
    const state = formError(e, values);
    // A word's error ("moderationWords.3") is shown beside its list, naming the word.
    if (state.errors) state.errors = Object.fromEntries(Object.entries(state.errors).map(([k, m]) => {
      const at = /^(moderationWords|disallowedWords)\.(\d+)$/.exec(k);
      const word = at ? lines(values[at[1]])[Number(at[2])] ?? "" : "";
      return at ? [at[1], `“${word.length > 24 ? `${word.slice(0, 24)}…` : word}”: ${m}`] : [k, m];
    }));
    return state;
  }
  refresh();
  return { ok: true, message: "The rules are saved. They apply to new comments and notes." };
}
