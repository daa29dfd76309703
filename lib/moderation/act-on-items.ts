import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { requireRole, type Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { moderationActionSchema } from "@/lib/validation/moderation";

type Status = "pending" | "approved" | "spam" | "trash" | "deleted";
const target: Record<string, Status> = { approve: "approved", spam: "spam", trash: "trash", restore: "pending" };

// A moderation action on one or many items, all or nothing in one transaction: an unknown id
// (404) or an item that may not take the action (422) changes nothing. Every change is logged.
export async function actOnItems(viewer: Viewer | null, raw: unknown) {
  const me = requireRole(viewer, "moderator");
  const parsed = moderationActionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { type, action, reason } = parsed.data;
  const ids = [...new Set(parsed.data.ids)];
  if (action === "delete_permanently") requireRole(me, "admin");

  return db.$transaction(async (tx) => {
    const rows = type === "comment"
      ? await tx.comment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, authorId: true, holdReasons: true, article: { select: { slug: true } }, _count: { select: { replies: true } } } })
      : await tx.annotation.findMany({ where: { id: { in: ids }, audience: "public" }, select: { id: true, status: true, authorId: true, holdReasons: true, article: { select: { slug: true } }, _count: { select: { replies: true } } } });
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new AppError("not_found", `No ${type} with id ${missing.join(", ")}. Nothing was changed.`, { ids: missing.join(", ") });
    const deleted = rows.filter((r) => r.status === "deleted");
    if (deleted.length) throw new AppError("rule_violation", `Deleted by their authors, so moderation cannot change them: ${deleted.map((r) => r.id).join(", ")}. Nothing was changed.`);
    if (action === "delete_permanently") {
      const notTrash = rows.filter((r) => r.status !== "trash" || r._count.replies > 0);
      if (notTrash.length) throw new AppError("rule_violation", `Only items in Trash without replies can be deleted permanently: ${notTrash.map((r) => r.id).join(", ")}. Nothing was changed.`);
    }

    const now = clock.now();
    const results = rows.map((r) => ({ id: r.id, before: r.status as Status, after: (target[action] ?? r.status) as Status }));
    if (action === "dismiss_reports") {
      const where = type === "comment" ? { commentId: { in: ids }, dismissedAt: null } : { annotationId: { in: ids }, dismissedAt: null };
      await tx.report.updateMany({ where, data: { dismissedAt: now } });
      // An item hidden only because of reports returns to the readers.
      for (const r of rows) if (r.status === "pending" && r.holdReasons.length && r.holdReasons.every((h) => h.startsWith("reported:"))) results.find((x) => x.id === r.id)!.after = "approved";
    }
    if (action === "delete_permanently") {
      if (type === "comment") await tx.comment.deleteMany({ where: { id: { in: ids } } });
      else await tx.annotation.deleteMany({ where: { id: { in: ids } } });
    } else {
      for (const status of new Set(results.map((r) => r.after))) {
        const group = results.filter((r) => r.after === status && r.before !== status).map((r) => r.id);
        if (!group.length) continue;
        if (type === "comment") await tx.comment.updateMany({ where: { id: { in: group } }, data: { status } });
        else await tx.annotation.updateMany({ where: { id: { in: group } }, data: { status, version: { increment: 1 } } });
      }
      if (action === "approve") {
        const authors = [...new Set(rows.map((r) => r.authorId).filter((a): a is string => !!a))];
        await tx.user.updateMany({ where: { id: { in: authors }, trustedAt: null }, data: { trustedAt: now } });
      }
    }
    await tx.auditEntry.createMany({
      data: results.map((r) => ({ actorId: me.id, action: action === "delete_permanently" ? "delete_permanently" : action, targetType: type, targetId: r.id, before: { status: r.before }, after: { status: action === "delete_permanently" ? "destroyed" : r.after }, reason: reason ?? null, createdAt: now })),
    });
    return { results, slugs: [...new Set(rows.map((r) => r.article.slug))] };
  }, { timeout: 30_000 }).then(async ({ results, slugs }) => {
    await Promise.all(slugs.map((s) => invalidateArticlePages(s)));
    return { action, type, results };
  });
}
