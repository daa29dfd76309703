import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who sees what: public approved notes for everyone; private and pending ones for their author only. */
export function visibleAnnotations(viewer: Viewer | null): Prisma.AnnotationWhereInput {
  return {
    OR: [
      { audience: "public", status: { in: ["approved", "deleted"] } },
      ...(viewer
        ? [{ authorId: viewer.id, status: { in: ["approved", "pending"] as ("approved" | "pending")[] } }]
        : []),
    ],
  };
}
