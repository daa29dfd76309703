import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/moderation/record-audit";
import { commentIdSchema } from "@/lib/validation/comment";
import { requireGroupOwner } from "./require-group-owner";

const openReport = { dismissedAt: null } as const;

/**
 * The group's notes that members reported and nobody has dealt with yet (issue 19): for whoever
 * runs the group (its owner; the board's moderators; admins), each with its open reasons and count.
 */
export async function listReportedGroupNotes(viewer: Viewer | null, rawGroupId: unknown, take = 50) {
  const { groupId } = await requireGroupOwner(viewer, rawGroupId, { notes: true });
  const rows = await db.annotation.findMany({
    where: {
      groupId,
      audience: "group",
      status: { in: ["approved", "pending"] },
      reports: { some: openReport },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      body: true,
      exact: true,
      createdAt: true,
      author: { select: { name: true, deletedAt: true } },
      article: { select: { slug: true, title: true } },
      reports: {
        where: openReport,
        orderBy: { createdAt: "asc" },
        take: 20,
        select: { reason: true, note: true },
      },
      _count: { select: { reports: { where: openReport } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    quote: r.exact,
    createdAt: r.createdAt,
    author: r.author && !r.author.deletedAt ? r.author.name : "deleted user",
    article: r.article,
    reports: r._count.reports,
    reasons: r.reports.map((x) => ({ reason: x.reason, note: x.note })),
  }));
}

/** "Keep": whoever runs the group dismisses the open reports on one of its notes; the note stays. Audited. */
export async function keepGroupNote(viewer: Viewer | null, rawGroupId: unknown, rawNoteId: unknown) {
  const { me, groupId } = await requireGroupOwner(viewer, rawGroupId, { notes: true });
  const id = commentIdSchema.safeParse(rawNoteId);
  if (!id.success) throw new AppError("not_found", "No such note in this group.");
  return db.$transaction(async (tx) => {
    const note = await tx.annotation.findFirst({
      where: { id: id.data, groupId, audience: "group", status: { in: ["approved", "pending"] } },
      select: { id: true },
    });
    if (!note) throw new AppError("not_found", "No such note in this group.");
    const { count } = await tx.report.updateMany({
      where: { annotationId: note.id, ...openReport },
      data: { dismissedAt: clock.now() },
    });
    if (count)
      await recordAudit(tx, {
        actorId: me.id,
        action: "group.keep_note",
        targetType: "annotation",
        targetId: note.id,
        before: { reports: count },
        after: { reports: 0, groupId },
      });
    return { kept: true, dismissed: count };
  });
}
