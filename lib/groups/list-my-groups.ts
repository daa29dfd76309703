import { onBoard } from "@/lib/annotations/visibility";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { boardGroupId, ensureBoardGroup } from "./board-group";
import { groupJson, groupSelect } from "./group-json";
import { countBoardMembers } from "./list-group-members";

// The groups the viewer belongs to now, newest joined first; the editorial board first for its members.
export async function listMyGroups(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  const rows = await db.groupMember.findMany({
    where: { userId: me.id, leftAt: null, group: { kind: "custom" } },
    orderBy: [{ joinedAt: "desc" }, { groupId: "asc" }],
    take: 500,
    select: {
      role: true,
      group: { select: { ...groupSelect, _count: { select: { members: { where: { leftAt: null } } } } } },
    },
  });
  const groups = rows.map((r) => groupJson(r.group, r.role, r.group._count.members));
  if (!onBoard(me.role)) return groups;
  await ensureBoardGroup();
  const [board, count] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: boardGroupId }, select: groupSelect }),
    countBoardMembers(),
  ]);
  return [groupJson(board, "board", count), ...groups];
}
