import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { emitLiveEvents } from "@/lib/live/emit-live-events";
import { getSettings } from "@/lib/settings/get-settings";
import { notifyModerators } from "./notify-moderators";

// Reports from N distinct readers (setting reportThreshold, 3 by default) hide an approved item
// pending review, with the reason `reported:<n>`; the log records it as the system's doing.
export async function applyReportThreshold(type: "comment" | "annotation", id: string, reports: number) {
  const { reportThreshold } = await getSettings();
  if (reports < reportThreshold) return false;
  const reason = `reported:${reports}`;
  const changed = await db.$transaction(async (tx) => {
    const where = { id, status: "approved" as const };
    const data = { status: "pending" as const, holdReasons: [reason] };
    const { count } = type === "comment" ? await tx.comment.updateMany({ where, data }) : await tx.annotation.updateMany({ where, data: { ...data, version: { increment: 1 } } });
    if (count) {
      const row = type === "comment" ? await tx.comment.findUnique({ where: { id }, select: { articleId: true } }) : await tx.annotation.findUnique({ where: { id }, select: { articleId: true } });
      if (row) await emitLiveEvents([{ kind: type, action: "removed", articleId: row.articleId, itemId: id }], tx);
    }
    if (count) await tx.auditEntry.create({ data: { actorId: null, action: "hide_reported", targetType: type, targetId: id, before: { status: "approved" }, after: { status: "pending" }, reason, createdAt: clock.now() } });
    return count > 0;
  });
  if (changed) {
    const slug = type === "comment"
      ? (await db.comment.findUnique({ where: { id }, select: { article: { select: { slug: true } } } }))?.article.slug
      : (await db.annotation.findUnique({ where: { id }, select: { article: { select: { slug: true } } } }))?.article.slug;
    if (slug) await invalidateArticlePages(slug, { removal: true });
    await notifyModerators().catch((e) => console.error("[moderation] notify failed", e));
  }
  return changed;
}
