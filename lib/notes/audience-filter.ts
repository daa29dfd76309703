import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AnnotationAudience } from "@/lib/generated/prisma/enums";

/**
 * The "visibility" and "group" filters of my notes, on audience values generically: whatever
 * audiences the schema has (public, private, group …) filter the same way. The group filter needs
 * notes that carry a group (the `group` audience and `Annotation.groupId`); on a schema without
 * them it is a 400, never a query that cannot run.
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

const hasGroups = (Object.values(AnnotationAudience) as string[]).includes("group");

// Only my own notes are listed, so naming any group id reveals nothing: it narrows my notes to it.
function groupFilter(group: string): Prisma.AnnotationWhereInput {
  if (!hasGroups) throw new AppError("bad_request", "There is no such group.", { group: "Not one of your groups." });
  return { audience: "group", groupId: group } as unknown as Prisma.AnnotationWhereInput;
}
