import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureBoardGroup } from "./board-group";
import { findMembership } from "./find-membership";
import { groupJson, groupSelect } from "./group-json";
import { listGroupMembers } from "./list-group-members";

/** One group with its members, for its members only (anyone else: 404, as if it did not exist). */
export async function getGroup(viewer: Viewer | null, rawId: unknown) {
  const me = requireViewer(viewer);
  const membership = await findMembership(me, rawId);
  if (!membership) throw new AppError("not_found", "No such group.");
  const id = String(rawId).trim();
  if (membership === "board") await ensureBoardGroup();
  const row = await db.group.findUniqueOrThrow({ where: { id }, select: groupSelect });
  const members = await listGroupMembers(id, row.kind);
  return { ...groupJson(row, membership, members.length), members };
}
