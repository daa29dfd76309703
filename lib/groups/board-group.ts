import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";

/** The editorial board's built-in group: one row, made when first needed; its members are read from roles. */
export const boardGroupId = "board";
export const boardGroupName = "Editorial board";

/** The board's row (created on first use; a concurrent first use finds the other's row). */
export async function ensureBoardGroup() {
  const found = await db.group.findUnique({ where: { id: boardGroupId }, select: { id: true } });
  if (found) return found;
  try {
    return await db.group.create({
      data: {
        id: boardGroupId,
        name: boardGroupName,
        description: "Board-only notes: moderators, editors and admins see them.",
        kind: "board",
      },
      select: { id: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { id: boardGroupId };
    throw e;
  }
}
