import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { inviteTokenSchema } from "@/lib/validation/group";
import { parseInput } from "@/lib/validation/parse-input";
import { groupJson, groupSelect } from "./group-json";

// Joining through an invite link. Joining again changes nothing; one who left comes back; one the
// owner removed does not (the link is not the owner's word to let them back).
export async function joinGroup(viewer: Viewer | null, input: unknown) {
  const me = await requireContributor(viewer);
  const { token } = parseInput(inviteTokenSchema, input);
  const group = await db.group.findFirst({ where: { inviteToken: token, kind: "custom" }, select: groupSelect });
  if (!group)
    throw new AppError("not_found", "This invite link is not valid (any more): ask the group's owner for a new one.");
  const existing = await db.groupMember.findUnique({
    where: { groupId_userId: { groupId: group.id, userId: me.id } },
    select: { role: true, leftAt: true, removedById: true },
  });
  if (existing?.removedById)
    throw new AppError("forbidden", "The group's owner removed you from this group; ask them to add you again.");
  const role = existing?.role ?? "member";
  if (!existing)
    await db.groupMember
      .create({ data: { groupId: group.id, userId: me.id, role: "member", joinedAt: clock.now() } })
      .catch((e) => {
        // Two joins at once: the other one made the row.
        if (!isUniqueViolation(e)) throw e;
      });
  else if (existing.leftAt)
    await db.groupMember.update({
      where: { groupId_userId: { groupId: group.id, userId: me.id } },
      data: { leftAt: null, joinedAt: clock.now() },
    });
  const count = await db.groupMember.count({ where: { groupId: group.id, leftAt: null } });
  return groupJson(group, role, count);
}
