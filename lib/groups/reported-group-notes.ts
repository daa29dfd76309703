import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/moderation/record-audit";
import { commentIdSchema } from "@/lib/validation/comment";
import { groupNoteFields, groupNoteItem, newestGroupNotesFirst } from "./group-note-fields";
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
    orderBy: newestGroupNotesFirst,
    take,
    select: {
      ...groupNoteFields,
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
    ...groupNoteItem(r),
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
