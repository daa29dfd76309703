import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/moderation/record-audit";
import { requireGroupOwner } from "./require-group-owner";

// The owner removes a member: they stop seeing the group's notes, what they wrote stays, and the
// invite link no longer lets them back. Written to the audit log.
export async function removeGroupMember(viewer: Viewer | null, rawGroupId: unknown, rawUserId: unknown) {
  const { me, groupId, membership } = await requireGroupOwner(viewer, rawGroupId);
  if (membership === "board")
    throw new AppError("rule_violation", "The editorial board's members follow their roles (Moderation → Users).");
  const userId = typeof rawUserId === "string" ? rawUserId.trim() : "";
  if (userId === me.id) throw new AppError("rule_violation", "The owner cannot remove themselves.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.groupMember.updateMany({
      where: { groupId, userId, leftAt: null, role: "member" },
      data: { leftAt: clock.now(), removedById: me.id },
    });
    if (!count) throw new AppError("not_found", "No such member in this group.");
    await recordAudit(tx, {
      actorId: me.id,
      action: "group.remove_member",
      targetType: "user",
      targetId: userId,
      after: { groupId },
    });
  });
  return { removed: true };
}
