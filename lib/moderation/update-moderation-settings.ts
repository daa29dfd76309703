import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSettings } from "@/lib/settings/get-settings";
import { moderationSettingsSchema } from "@/lib/validation/moderation";
import { parseInput } from "@/lib/validation/parse-input";
import { recordAudit } from "./record-audit";

// Editors and admins change the moderation rules; they apply to new contributions only.
export async function updateModerationSettings(viewer: Viewer | null, raw: unknown) {
  const me = await requirePermission(viewer, "settings.manage");
  const parsed = parseInput(moderationSettingsSchema, raw);
  const before = await getSettings();
  const next = parsed;
  const words = (w: string[]) => [...new Set(w.map((x) => x.trim().toLowerCase()).filter(Boolean))];
  const values = {
    ...next,
    moderationWords: words(next.moderationWords),
    disallowedWords: words(next.disallowedWords),
  };
  await db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(values)) {
      const json = value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
      await tx.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
    }
    const changed = Object.keys(values).filter(
      (k) => JSON.stringify(values[k as keyof typeof values]) !== JSON.stringify(before[k as keyof typeof before]),
    );
    if (changed.length)
      await recordAudit(tx, {
        actorId: me.id,
        action: "settings",
        targetType: "settings",
        before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
        after: Object.fromEntries(changed.map((k) => [k, values[k as keyof typeof values]])),
      });
  });
  return values;
}
