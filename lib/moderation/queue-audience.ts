import type { Prisma } from "@/lib/generated/prisma/client";
import { boardGroupId } from "@/lib/groups/board-group";

/**
 * Which notes the moderation queue shows and acts on, by role (issue 19): public notes; a group
 * note only once a member reported it (open report) — board notes for moderators and up, any
 * group's for admins. A custom group's notes are its owner's to moderate; below admin they never show.
 */
export function queueAudience(role: string): Prisma.AnnotationWhereInput {
  const reported = { audience: "group" as const, reports: { some: { dismissedAt: null } } };
  return {
    OR: [{ audience: "public" }, role === "admin" ? reported : { ...reported, groupId: boardGroupId }],
  };
}
