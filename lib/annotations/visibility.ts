import { roleCan, roleOrder } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who sees what — the one rule (issue 19): public approved notes for everyone; a group's notes for
 * its current members (the editorial board's for the accounts whose role is on the board); private
 * and pending ones for their author only (an author who left a group still sees what they wrote
 * there). Deleted public and group notes stay as placeholders for the replies under them.
 */
export function visibleAnnotations(viewer: Viewer | null): Prisma.AnnotationWhereInput {
  const shown = { in: ["approved", "deleted"] as ("approved" | "deleted")[] };
  return {
    OR: [
      { audience: "public", status: shown },
      ...(viewer
        ? [
            { authorId: viewer.id, status: { in: ["approved", "pending"] as ("approved" | "pending")[] } },
            {
              audience: "group" as const,
              status: shown,
              group: { members: { some: { userId: viewer.id, leftAt: null } } },
            },
            ...(roleCan(viewer.role, "groups.board")
              ? [{ audience: "group" as const, status: shown, group: { kind: "board" as const } }]
              : []),
          ]
        : []),
    ],
  };
}

/** Whether an account of this role belongs to the editorial board's built-in group. */
export const onBoard = (role: string | null | undefined) => roleCan(role, "groups.board");

/**
 * The group half of the same rule as SQL text, for the personal layer's single prepared statement:
 * `note` is the annotation's alias, `userId` and `role` SQL expressions for the viewer (no values
 * are spliced in: the board's roles are this file's constants). The viewer's groups are one
 * uncorrelated subquery (hashed once per statement, not probed per note). Public notes are the
 * shared page's; the author's own are read by the layer apart. Kept equal to visibleAnnotations by
 * tests/integration/groups-visibility.test.ts (the same table through both).
 */
export function groupNotesVisibleText(note: string, userId: string, role: string) {
  if (!/^[a-z_]+$/.test(note)) throw new Error("groupNotesVisibleText: the alias must be a bare name");
  const boardRoles = roleOrder
    .filter(onBoard)
    .map((r) => `'${r}'`)
    .join(", ");
  return `(${note}.audience = 'group' AND ${note}.status IN ('approved', 'deleted') AND ${note}."groupId" IN (
    SELECT gm."groupId" FROM "GroupMember" gm WHERE gm."userId" = ${userId} AND gm."leftAt" IS NULL
    UNION ALL SELECT g.id FROM "Group" g WHERE g.kind = 'board' AND ${role} IN (${boardRoles})))`;
}
