import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyReplies } from "@/lib/notifications/notify-reply";
import { moderationActionSchema } from "@/lib/validation/moderation";

import { parseInput } from "@/lib/validation/parse-input";
import { applyModeration, newlyApproved } from "./act-on-items";

type Selection = { items: { type: string; id: string }[]; action: string; reason?: string };

// The queue page's bulk action: comments and notes selected together, one transaction for the
// whole selection (an unknown id of either type changes nothing), each type checked as in actOnItems.
export async function actOnSelection(viewer: Viewer | null, selection: Selection) {
  const me = await requirePermission(viewer, "comments.moderate");
  if (!selection.items.length)
    throw new AppError("bad_request", "Select at least one item.", { ids: "Select at least one item." });
  const unknown = selection.items.find((i) => i.type !== "comment" && i.type !== "annotation");
  if (unknown) throw new AppError("bad_request", `Unknown item type ${unknown.type}.`);
  const batches = (["comment", "annotation"] as const)
    .map((type) => ({
      type,
      ids: [...new Set(selection.items.filter((i) => i.type === type).map((i) => i.id))],
      action: selection.action,
      reason: selection.reason,
    }))
    .filter((b) => b.ids.length)
    .map((b) => parseInput(moderationActionSchema, b));
  if (batches.some((b) => b.action === "delete_permanently")) await requirePermission(me, "moderation.purge");
  const done = await db.$transaction(
    async (tx) => {
      const out = [];
      for (const b of batches) out.push({ type: b.type, ...(await applyModeration(tx, me, b)) });
      return out;
    },
    { timeout: 30_000 },
  );
  await Promise.all(
    [...new Set(done.flatMap((d) => d.slugs))].map((s) =>
      invalidateArticlePages(s, { removal: batches.some((b) => b.action !== "approve") }),
    ),
  );
  for (const d of done) await notifyReplies(d.type, newlyApproved(d.results));
  return { action: batches[0].action, results: done.flatMap((d) => d.results.map((r) => ({ type: d.type, ...r }))) };
}
