import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { commentIdSchema, reportSchema } from "@/lib/validation/comment";
import { applyReportThreshold } from "@/lib/moderation/apply-report-threshold";

// A reader reports a comment, once; the report is stored and counted for the moderators.
export async function reportComment(viewer: Viewer | null, commentId: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const id = commentIdSchema.safeParse(commentId);
  const comment = id.success ? await db.comment.findFirst({ where: { id: id.data, status: { in: ["approved", "pending"] } }, select: { id: true, authorId: true } }) : null;
  if (!comment) throw new AppError("not_found", "That comment does not exist.");
  if (comment.authorId === me.id) throw new AppError("rule_violation", "You cannot report your own comment; edit or delete it instead.");
  try {
    await db.report.create({ data: { commentId: comment.id, reporterId: me.id, reason: parsed.data.reason, note: parsed.data.note ?? null } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("conflict", "You have already reported this comment.");
    throw e;
  }
  const reports = await db.report.count({ where: { commentId: comment.id, dismissedAt: null } });
  const hidden = await applyReportThreshold("comment", comment.id, reports);
  return { reported: true, reports, hidden };
}
