import { db } from "@/lib/db";

/** Whether a report by this account can count towards hiding an item at all: not before the
 * account's e-mail address is confirmed (lib/users/email-confirmation.ts). Standing (age, an
 * approved contribution) is weighed in applyReportThreshold. */
export async function reporterCounts(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailConfirmed: true } });
  return user?.emailConfirmed !== false;
}
