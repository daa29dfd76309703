import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationAudience } from "@/lib/generated/prisma/enums";

/**
 * The "visibility" and "group" filters of my notes, on audience values generically: whatever
 * audiences the schema has (public, private, group …) filter the same way; `group` narrows to the
 * notes I wrote for one reading group.
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

// Only my own notes are listed, so naming any group id reveals nothing: it narrows my notes to it.
function groupFilter(group: string): Prisma.AnnotationWhereInput {
  return { audience: "group", groupId: group };
}
