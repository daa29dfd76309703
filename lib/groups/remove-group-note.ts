import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitLiveEvents, groupNoteChange } from "@/lib/live/emit-live-events";
import { recordAudit } from "@/lib/moderation/record-audit";
import { commentIdSchema } from "@/lib/validation/comment";
import { requireGroupOwner } from "./require-group-owner";

// The owner (admins too, for reports) removes a note written in their group: it goes to the trash
// — a moderation state, its text and history kept — and out of every member's margin. Audited.
export async function removeGroupNote(viewer: Viewer | null, rawGroupId: unknown, rawNoteId: unknown) {
  const { me, groupId } = await requireGroupOwner(viewer, rawGroupId, { notes: true });
  const id = commentIdSchema.safeParse(rawNoteId);
  if (!id.success) throw new AppError("not_found", "No such note in this group.");
  await db.$transaction(async (tx) => {
    const note = await tx.annotation.findFirst({
      where: { id: id.data, groupId, audience: "group", status: { in: ["approved", "pending"] } },
      select: { id: true, status: true, articleId: true, groupId: true, audience: true },
    });
    if (!note) throw new AppError("not_found", "No such note in this group.");
    await tx.annotation.update({ where: { id: note.id }, data: { status: "trash" } });
    await recordAudit(tx, {
      actorId: me.id,
      action: "group.remove_note",
      targetType: "annotation",
      targetId: note.id,
      before: { status: note.status },
      after: { status: "trash", groupId },
    });
    await emitLiveEvents(groupNoteChange("removed", note), tx);
  });
  return { removed: true };
}
