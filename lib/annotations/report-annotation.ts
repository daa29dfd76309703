import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { applyReportThreshold } from "@/lib/moderation/apply-report-threshold";
import { reporterCounts } from "@/lib/moderation/reporter-counts";
import { reportSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";
import { getAnnotation } from "./get-annotation";

// A reader reports a public note, once; stored and counted for the moderators. A group note (issue
// 19) may be reported by anyone who sees it (its members; the board for board notes), once; it is
// never hidden by the threshold: the report goes to people — the group's owner (the board's
// moderators for board notes) and the admins. A private note is not reportable (404).
export async function reportAnnotation(viewer: Viewer | null, slug: string, id: unknown, input: unknown) {
  const me = await requireContributor(viewer);
  const parsed = parseInput(reportSchema, input);
  const row = await getAnnotation(me, slug, id);
  if (row.audience !== "public" && row.audience !== "group") throw new AppError("not_found", "No such annotation.");
  if (row.authorId === me.id)
    throw new AppError("rule_violation", "You cannot report your own note; edit or delete it instead.");
  try {
    await db.report.create({
      data: { annotationId: row.id, reporterId: me.id, reason: parsed.reason, note: parsed.note ?? null },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "You have already reported this note.");
    throw e;
  }
  const reports = await db.report.count({ where: { annotationId: row.id, dismissedAt: null } });
  // `counted: false`: stored for the moderators, but an unconfirmed account's report weighs nothing.
  return {
    reported: true,
    reports,
    hidden: row.audience === "public" ? await applyReportThreshold("annotation", row.id, reports) : false,
    counted: await reporterCounts(me.id),
  };
}
