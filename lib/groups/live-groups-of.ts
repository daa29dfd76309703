import { onBoard } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { boardGroupId } from "./board-group";

/** The groups whose notes' live events a viewer's stream carries: those they are in now (the board's by role). */
export async function liveGroupsOf(viewer: Viewer | null): Promise<Set<string>> {
  if (!viewer) return new Set();
  const rows = await db.groupMember.findMany({
    where: { userId: viewer.id, leftAt: null },
    select: { groupId: true },
    take: 1000,
  });
  return new Set([...rows.map((r) => r.groupId), ...(onBoard(viewer.role) ? [boardGroupId] : [])]);
}
