import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/moderation/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { getSettings } from "./get-settings";

const creditLineSchema = z.object({
  creditLine: z.string().trim().max(200, "Keep the credit line under 200 characters."),
});

/** The publication's credit line, added to an approved article that has none of its own (editor+; "" turns it off). */
export async function updateCreditLine(viewer: Viewer | null, raw: unknown) {
  const me = await requirePermission(viewer, "settings.manage");
  const { creditLine } = parseInput(creditLineSchema, raw);
  const before = (await getSettings()).creditLine;
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: "creditLine" },
      create: { key: "creditLine", value: creditLine },
      update: { value: creditLine },
    });
    if (before !== creditLine)
      await recordAudit(tx, {
        actorId: me.id,
        action: "settings",
        targetType: "settings",
        before: { creditLine: before },
        after: { creditLine },
      });
  });
  return { creditLine };
}
