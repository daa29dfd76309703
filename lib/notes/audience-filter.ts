import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationAudience } from "@/lib/generated/prisma/enums";

/**
 * The "visibility" and "group" filters of my notes, on audience values generically: whatever
 * audiences the schema has (public, private, group …) filter the same way. The group filter is the
 * hook groups fill in: until notes carry a group there is no group to narrow to.
 */
export function audienceFilter({
  visibility,
  group,
}: {
  visibility?: string;
  group?: string;
}): Prisma.AnnotationWhereInput {
  const where: Prisma.AnnotationWhereInput = {};
  if (visibility) where.audience = visibility as AnnotationAudience;
  if (group) Object.assign(where, groupFilter(group));
  return where;
}

// GROUPS: replace with `{ audience: "group", groupId: group }` once Annotation.groupId exists.
function groupFilter(_group: string): Prisma.AnnotationWhereInput {
  throw new AppError("bad_request", "There is no such group.", { group: "Not one of your groups." });
}
