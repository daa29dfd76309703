import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMembership } from "./find-membership";

// A member leaves: they no longer see the group's notes; what they wrote there stays in the group
// (and in their own notes). The owner stays while the group has them as owner; the board follows roles.
export async function leaveGroup(viewer: Viewer | null, rawId: unknown) {
  const me = requireViewer(viewer);
  const membership = await findMembership(me, rawId);
  if (!membership) throw new AppError("not_found", "No such group.");
  if (membership === "board")
    throw new AppError("rule_violation", "The editorial board's group follows your role: you cannot leave it.");
  if (membership === "owner") throw new AppError("rule_violation", "The owner cannot leave their own group.");
  await db.groupMember.update({
    where: { groupId_userId: { groupId: String(rawId).trim(), userId: me.id } },
    data: { leftAt: clock.now() },
  });
  return { left: true };
}
