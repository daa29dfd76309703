import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { commentIdSchema } from "@/lib/validation/comment";
import { annotationFields } from "./annotation-fields";
import { visibleAnnotations } from "./visibility";

/** One annotation the viewer may see; a private or pending note of someone else is a plain 404. */
export async function getAnnotation(viewer: Viewer | null, slug: string, rawId: unknown) {
  const id = commentIdSchema.safeParse(rawId);
  const row = id.success
    ? await db.annotation.findFirst({
        where: {
          id: id.data,
          article: { slug, status: "published" },
          status: { not: "deleted" },
          AND: [visibleAnnotations(viewer)],
        },
        select: annotationFields,
      })
    : null;
  if (!row) throw new AppError("not_found", "No such annotation.");
  return row;
}
