import type { Role } from "@/lib/generated/prisma/enums";
import { requireContributor } from "@/lib/auth/can-contribute";
import { requireRole, type Viewer } from "@/lib/auth/viewer";

// A moderation write needs the role and a live, unbanned account, both read from the database at
// the moment of the write: a banned moderator keeps reading but acts no more, and a demotion
// bites on the next request even when the session still carries the old role.
export async function requireBoardMember(viewer: Viewer | null, role: Role = "moderator"): Promise<Viewer> {
  requireRole(viewer, role);
  return requireRole(await requireContributor(viewer), role);
}
