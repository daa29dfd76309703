import { onBoard } from "@/lib/annotations/visibility";
import { roleOrder } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

const boardRoles = roleOrder.filter(onBoard) as Role[];
const boardMembers = { role: { in: boardRoles }, deletedAt: null };

/** How many accounts are on the board (the built-in group's members, by role). */
export const countBoardMembers = () => db.user.count({ where: boardMembers });

export type GroupMemberJson = { id: string; name: string; role: "owner" | "member" | "board"; joinedAt: string | null };

/** A group's current members (owner first, then by joining); the board's are its accounts by role. */
export async function listGroupMembers(groupId: string, kind: "custom" | "board"): Promise<GroupMemberJson[]> {
  if (kind === "board") {
    const users = await db.user.findMany({
      where: boardMembers,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
      select: { id: true, name: true },
    });
    return users.map((u) => ({ id: u.id, name: u.name, role: "board", joinedAt: null }));
  }
  const rows = await db.groupMember.findMany({
    where: { groupId, leftAt: null },
    orderBy: [{ role: "asc" }, { joinedAt: "asc" }, { userId: "asc" }],
    take: 1000,
    select: { role: true, joinedAt: true, user: { select: { id: true, name: true, deletedAt: true } } },
  });
  return rows.map((r) => ({
    id: r.user.id,
    name: r.user.deletedAt ? "deleted user" : r.user.name,
    role: r.role,
    joinedAt: r.joinedAt.toISOString(),
  }));
}
