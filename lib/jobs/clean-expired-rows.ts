import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

// Rate-limit windows are minutes to an hour long; a day-old counter limits nothing.
const rateLimitKeepMs = 24 * 3_600_000;
// Used or expired reset links and jobs that gave up are kept a week for a look, then go.
const keepMs = 7 * 24 * 3_600_000;

/** The periodic clean-up: expired sessions, stale rate-limit counters, dead reset and sign-in tokens, long-failed jobs. */
export async function cleanExpiredRows() {
  const now = clock.now();
  const weekAgo = new Date(now.getTime() - keepMs);
  const [sessions, rateLimits, resetTokens, verificationTokens, jobs] = await Promise.all([
    db.session.deleteMany({ where: { expires: { lt: now } } }),
    db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - rateLimitKeepMs) } } }),
    db.passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lt: weekAgo } }, { usedAt: { lt: weekAgo } }] } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.job.deleteMany({ where: { failedAt: { lt: weekAgo } } }),
  ]);
  return { sessions: sessions.count, rateLimits: rateLimits.count, resetTokens: resetTokens.count, verificationTokens: verificationTokens.count, failedJobs: jobs.count };
}
