import { onBoard } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { groupIdSchema } from "@/lib/validation/group";
import { boardGroupId, ensureBoardGroup } from "./board-group";
import type { GroupMembership } from "./group-json";

/** The viewer's place in a group now (owner, member, board by role), or null when they are not in it. */
export async function findMembership(viewer: Viewer, rawId: unknown): Promise<GroupMembership | null> {
  const id = groupIdSchema.safeParse(rawId);
  if (!id.success) return null;
  if (id.data === boardGroupId) return onBoard(viewer.role) ? "board" : null;
  const row = await db.groupMember.findFirst({
    where: { groupId: id.data, userId: viewer.id, leftAt: null, group: { kind: "custom" } },
    select: { role: true },
  });
  return row?.role ?? null;
}

/**
 * The group a note is written to, checked: the writer must be in it now (a non-member, a former
 * member, or anyone outside the board for "board" is refused with the same answer, so a group's
 * existence is not revealed). Returns the group id to store.
 */
export async function requireGroupWriter(viewer: Viewer, rawId: unknown): Promise<string> {
  if (rawId === undefined || rawId === null || rawId === "")
    throw new AppError("bad_request", "A group note needs its group: give the group's id in `group`.", {
      group: "Choose a group.",
    });
  const id = groupIdSchema.safeParse(rawId);
  if (!id.success) throw new AppError("bad_request", "`group` is not a group id.", { group: "Not a group id." });
  const membership = await findMembership(viewer, id.data);
  if (!membership)
    throw new AppError("forbidden", "You can only write notes to groups you belong to.", {
      group: "You are not a member of this group.",
    });
  if (id.data === boardGroupId) await ensureBoardGroup();
  return id.data;
}
