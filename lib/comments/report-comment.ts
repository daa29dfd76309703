import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { applyReportThreshold } from "@/lib/moderation/apply-report-threshold";
import { reporterCounts } from "@/lib/moderation/reporter-counts";
import { commentIdSchema, reportSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";

// A reader reports a comment, once; the report is stored and counted for the moderators.
export async function reportComment(viewer: Viewer | null, commentId: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const parsed = parseInput(reportSchema, input);
  const id = commentIdSchema.safeParse(commentId);
  const comment = id.success
    ? await db.comment.findFirst({
        where: { id: id.data, status: { in: ["approved", "pending"] } },
        select: { id: true, authorId: true },
      })
    : null;
  if (!comment) throw new AppError("not_found", "That comment does not exist.");
  if (comment.authorId === me.id)
    throw new AppError("rule_violation", "You cannot report your own comment; edit or delete it instead.");
  try {
    await db.report.create({
      data: { commentId: comment.id, reporterId: me.id, reason: parsed.reason, note: parsed.note ?? null },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "You have already reported this comment.");
    throw e;
  }
  const reports = await db.report.count({ where: { commentId: comment.id, dismissedAt: null } });
  const hidden = await applyReportThreshold("comment", comment.id, reports);
  // `counted: false`: stored for the moderators, but an unconfirmed account's report weighs nothing.
  return { reported: true, reports, hidden, counted: await reporterCounts(me.id) };
}
