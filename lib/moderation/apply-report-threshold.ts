import { roleCan } from "@/lib/auth/permissions";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { emitLiveEvents } from "@/lib/live/emit-live-events";
import { getSettings } from "@/lib/settings/get-settings";
import { notifyModerators } from "./notify-moderators";

// Reports from N distinct readers in good standing (setting reportThreshold, 3 by default) hide an
// approved item pending review, with the reason `reported:<n>`; the log records it as the system's
// doing. Standing, as Discourse's trust levels weigh flags: only confirmed accounts older than
// `reportStandingAgeMs` (a day) with an approved contribution (or a board role) count, so a few
// throw-away accounts hide nothing. An item by a board member is never hidden by reports, only
// queued (it stays listed, its reports in the Reported tab, and the moderators are told).
// `_reports` (every open report) is what callers show; the weighed count is taken here.
export async function applyReportThreshold(type: "comment" | "annotation", id: string, _reports: number) {
  const { reportThreshold, reportStandingAgeMs } = await getSettings();
  const standing = {
    createdAt: { lte: new Date(clock.now().getTime() - reportStandingAgeMs) },
    deletedAt: null,
    status: "active" as const,
    emailConfirmed: true,
    OR: [
      { trustedAt: { not: null } },
      { role: { in: ["moderator" as const, "editor" as const, "admin" as const] } },
      { comments: { some: { status: "approved" as const } } },
      { annotations: { some: { status: "approved" as const, audience: "public" as const } } },
    ],
  };
  const reports = await db.report.count({
    where: {
      ...(type === "comment" ? { commentId: id } : { annotationId: id }),
      dismissedAt: null,
      reporter: standing,
    },
  });
  if (reports < reportThreshold) return false;
  const author =
    type === "comment"
      ? (await db.comment.findUnique({ where: { id }, select: { author: { select: { role: true } } } }))?.author
      : (await db.annotation.findUnique({ where: { id }, select: { author: { select: { role: true } } } }))?.author;
  if (author && roleCan(author.role, "moderation.read")) {
    if (reports === reportThreshold)
      await notifyModerators().catch((e) => console.error("[moderation] notify failed", e));
    return false;
  }
  const reason = `reported:${reports}`;
  const changed = await db.$transaction(async (tx) => {
    const where = { id, status: "approved" as const };
    const data = { status: "pending" as const, holdReasons: [reason] };
    const { count } =
      type === "comment"
        ? await tx.comment.updateMany({ where, data })
        : await tx.annotation.updateMany({ where, data: { ...data, version: { increment: 1 } } });
    if (count) {
      const row =
        type === "comment"
          ? await tx.comment.findUnique({ where: { id }, select: { articleId: true } })
          : await tx.annotation.findUnique({ where: { id }, select: { articleId: true } });
      if (row) await emitLiveEvents([{ kind: type, action: "removed", articleId: row.articleId, itemId: id }], tx);
    }
    if (count)
      await tx.auditEntry.create({
        data: {
          actorId: null,
          action: "hide_reported",
          targetType: type,
          targetId: id,
          before: { status: "approved" },
          after: { status: "pending" },
          reason,
          createdAt: clock.now(),
        },
      });
    return count > 0;
  });
  if (changed) {
    const slug =
      type === "comment"
        ? (await db.comment.findUnique({ where: { id }, select: { article: { select: { slug: true } } } }))?.article
            .slug
        : (await db.annotation.findUnique({ where: { id }, select: { article: { select: { slug: true } } } }))?.article
            .slug;
    if (slug) await invalidateArticlePages(slug, { removal: true });
    await notifyModerators().catch((e) => console.error("[moderation] notify failed", e));
  }
  return changed;
}
