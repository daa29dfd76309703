"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { formatUtc } from "@/lib/dates/format-utc";
import { banUser, unbanUser } from "@/lib/moderation/ban-user";

export const banAction = formAction(
  z.object({ email: formText(), duration: formText(), reason: formText() }),
  async (values, { viewer }) => {
    const r = await banUser(viewer, values);
    refresh();
    return { ok: true, message: r.bannedUntil ? `Banned until ${formatUtc(r.bannedUntil)}.` : "Banned permanently." };
  },
);

export const unbanAction = formAction(z.object({ email: formText() }), async ({ email }, { viewer }) => {
  await unbanUser(viewer, email);
  refresh();
  return { ok: true, message: "Unbanned." };
});
