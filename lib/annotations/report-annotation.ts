import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { reportSchema } from "@/lib/validation/comment";
import { getAnnotation } from "./get-annotation";
import { applyReportThreshold } from "@/lib/moderation/apply-report-threshold";

// A reader reports a public note, once; stored and counted for the moderators.
export async function reportAnnotation(viewer: Viewer | null, slug: string, id: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const row = await getAnnotation(me, slug, id);
  if (row.audience !== "public") throw new AppError("not_found", "No such annotation.");
  if (row.authorId === me.id) throw new AppError("rule_violation", "You cannot report your own note; edit or delete it instead.");
  try {
    await db.report.create({ data: { annotationId: row.id, reporterId: me.id, reason: parsed.data.reason, note: parsed.data.note ?? null } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("conflict", "You have already reported this note.");
    throw e;
  }
  const reports = await db.report.count({ where: { annotationId: row.id, dismissedAt: null } });
  return { reported: true, reports, hidden: await applyReportThreshold("annotation", row.id, reports) };
}
