import { requireContributor } from "@/lib/auth/can-contribute";
import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { findMembership } from "./find-membership";

/**
 * Who runs a group: its owner; the board's group is run by its moderators (and up). Admins act on
 * any group's notes (reports reach them). A non-member gets 404, a member 403.
 */
export async function requireGroupOwner(viewer: Viewer | null, rawId: unknown, { notes = false } = {}) {
  const me = await requireContributor(viewer);
  const membership = await findMembership(me, rawId);
  const groupId = String(rawId).trim();
  if (membership === "owner") return { me, groupId, membership };
  if (membership === "board" && roleCan(me.role, "comments.moderate")) return { me, groupId, membership };
  if (notes && roleCan(me.role, "moderation.purge")) return { me, groupId, membership };
  if (!membership) throw new AppError("not_found", "No such group.");
  throw new AppError("forbidden", "Only the group's owner can do that.");
}
