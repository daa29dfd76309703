import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitLiveEvents, visibilityChange } from "@/lib/live/emit-live-events";
import { announceApproved, announceVisible } from "@/lib/notifications/announce-visible";
import { notifyReplies } from "@/lib/notifications/notify-reply";
import { moderationActionSchema } from "@/lib/validation/moderation";
import { parseInput } from "@/lib/validation/parse-input";
import { queueAudience } from "./queue-audience";

type Status = "pending" | "approved" | "spam" | "trash" | "deleted";
type Batch = Pick<ReturnType<typeof moderationActionSchema.parse>, "type" | "ids" | "action" | "reason">;
const target: Record<string, Status> = { approve: "approved", spam: "spam", trash: "trash", restore: "pending" };
const isReport = (reason: string) => reason.startsWith("reported:");

// A moderation action on one or many items, all or nothing in one transaction: an unknown id
// (404) or an item that may not take the action (422) changes nothing. Every change is logged.
/** Items this action made visible to readers: a reply among them is announced to its parent's author. */
export const newlyApproved = (results: { id: string; before: Status; after: Status }[]) =>
  results.filter((r) => r.after === "approved" && r.before !== "approved").map((r) => r.id);

export async function actOnItems(viewer: Viewer | null, raw: unknown) {
  const me = await requirePermission(viewer, "comments.moderate");
  const parsed = parseInput(moderationActionSchema, raw);
  const batch = { ...parsed, ids: [...new Set(parsed.ids)] };
  if (batch.action === "delete_permanently") await requirePermission(me, "moderation.purge");
  const { results, slugs } = await db.$transaction((tx) => applyModeration(tx, me, batch), { timeout: 30_000 });
  await Promise.all(slugs.map((s) => invalidateArticlePages(s, { removal: batch.action !== "approve" })));
  await notifyReplies(batch.type, newlyApproved(results));
  return { action: batch.action, type: batch.type, results };
}

/** The body of a moderation batch, inside the caller's transaction (shared with actOnSelection). */
export async function applyModeration(tx: Prisma.TransactionClient, me: Viewer, { type, ids, action, reason }: Batch) {
  const select = {
    id: true,
    articleId: true,
    status: true,
    authorId: true,
    holdReasons: true,
    article: { select: { slug: true } },
    _count: { select: { replies: true } },
  } as const;
  const rows =
    type === "comment"
      ? await tx.comment.findMany({ where: { id: { in: ids } }, select })
      : await tx.annotation.findMany({ where: { id: { in: ids }, AND: [queueAudience(me.role)] }, select });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError("not_found", `No ${type} with id ${missing.join(", ")}. Nothing was changed.`, {
      ids: missing.join(", "),
    });
  const deleted = rows.filter((r) => r.status === "deleted");
  if (deleted.length)
    throw new AppError(
      "rule_violation",
      `Deleted by their authors, so moderation cannot change them: ${deleted.map((r) => r.id).join(", ")}. Nothing was changed.`,
    );
  if (action === "delete_permanently") {
    const notTrash = rows.filter((r) => r.status !== "trash" || r._count.replies > 0);
    if (notTrash.length)
      throw new AppError(
        "rule_violation",
        `Only items in Trash without replies can be deleted permanently: ${notTrash.map((r) => r.id).join(", ")}. Nothing was changed.`,
      );
  }

  const now = clock.now();
  const results = rows.map((r) => ({
    id: r.id,
    before: r.status as Status,
    after: (target[action] ?? r.status) as Status,
  }));
  // Reasons change with the status: dismissed reports no longer explain anything, and an item a
  // moderator sends back to the queue with no rule behind it is there by hand (`manual`).
  const reasonsAfter = new Map<string, string[]>();
  if (action === "dismiss_reports") {
    const where =
      type === "comment"
        ? { commentId: { in: ids }, dismissedAt: null }
        : { annotationId: { in: ids }, dismissedAt: null };
    await tx.report.updateMany({ where, data: { dismissedAt: now } });
    for (const r of rows) {
      if (!r.holdReasons.some(isReport)) continue;
      const rest = r.holdReasons.filter((h) => !isReport(h));
      reasonsAfter.set(r.id, rest);
      // An item hidden only because of reports returns to the readers.
      if (r.status === "pending" && !rest.length) results.find((x) => x.id === r.id)!.after = "approved";
    }
  }
  if (action === "restore")
    for (const r of rows) if (r.status !== "pending" && !r.holdReasons.length) reasonsAfter.set(r.id, ["manual"]);

  if (action === "delete_permanently") {
    if (type === "comment") await tx.comment.deleteMany({ where: { id: { in: ids } } });
    else await tx.annotation.deleteMany({ where: { id: { in: ids } } });
  } else {
    const update = (
      where: { id: string } | { id: { in: string[] } },
      data: { status: Status; holdReasons?: string[] },
    ) =>
      type === "comment"
        ? tx.comment.updateMany({ where, data })
        : tx.annotation.updateMany({ where, data: { ...data, version: { increment: 1 } } });
    // Items whose reasons change are updated one by one; the rest in one statement per status
    // (a bulk approval of 500 items is one UPDATE).
    for (const [id, holdReasons] of reasonsAfter)
      await update({ id }, { status: results.find((r) => r.id === id)!.after, holdReasons });
    for (const status of new Set(results.map((r) => r.after))) {
      const group = results
        .filter((r) => r.after === status && r.before !== status && !reasonsAfter.has(r.id))
        .map((r) => r.id);
      if (group.length) await update({ id: { in: group } }, { status });
    }
    if (action === "approve") {
      const authors = [...new Set(rows.map((r) => r.authorId).filter((a): a is string => !!a))];
      await tx.user.updateMany({ where: { id: { in: authors }, trustedAt: null }, data: { trustedAt: now } });
    }
  }
  // What became visible is announced in this transaction: its authors (when a moderator approved
  // what was held), the parents' authors and the article's followers (idempotent per item).
  if (action !== "delete_permanently") {
    const appeared = newlyApproved(results);
    if (action === "approve") await announceApproved(tx, me, type, appeared);
    await announceVisible(tx, type, appeared);
  }
  // Readers' pages learn what appeared or went (sent at commit; nothing if the batch rolls back).
  const articleOf = new Map(rows.map((r) => [r.id, r.articleId]));
  await emitLiveEvents(
    results.flatMap((r) =>
      r.before === r.after
        ? []
        : visibilityChange(
            type,
            articleOf.get(r.id)!,
            r.id,
            r.before === "approved",
            r.after === "approved" && action !== "delete_permanently",
          ),
    ),
    tx,
  );
  await tx.auditEntry.createMany({
    data: results.map((r) => ({
      actorId: me.id,
      action,
      targetType: type,
      targetId: r.id,
      before: { status: r.before },
      after: { status: action === "delete_permanently" ? "destroyed" : r.after },
      reason: reason ?? null,
      createdAt: now,
    })),
  });
  return { results, slugs: [...new Set(rows.map((r) => r.article.slug))] };
}
