import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";

// A rate-limit counter is kept for the longest window any limit uses (the settings may lengthen
// one past a day), and at least a day: an older counter limits nothing.
async function rateLimitKeepMs() {
  const settings = await getSettings();
  const windows = Object.values(settings).flatMap((v) =>
    v && typeof v === "object" && "windowMs" in v && typeof v.windowMs === "number" ? [v.windowMs] : [],
  );
  return Math.max(24 * 3_600_000, settings.floodIntervalMs, ...windows);
}
// Used or expired reset links and jobs that gave up are kept a week for a look, then go.
const keepMs = 7 * 24 * 3_600_000;

/** The periodic clean-up: expired sessions, stale rate-limit counters, dead reset and sign-in tokens, long-failed jobs, never-confirmed subscribers. */
export async function cleanExpiredRows() {
  const now = clock.now();
  const weekAgo = new Date(now.getTime() - keepMs);
  const keepCounters = await rateLimitKeepMs();
  const [sessions, rateLimits, resetTokens, verificationTokens, jobs, unconfirmed] = await Promise.all([
    db.session.deleteMany({ where: { expires: { lt: now } } }),
    db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - keepCounters) } } }),
    db.passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lt: weekAgo } }, { usedAt: { lt: weekAgo } }] } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.job.deleteMany({ where: { failedAt: { lt: weekAgo } } }),
    // An address never confirmed is not kept: a week after its link expired it goes.
    db.subscriber.deleteMany({ where: { confirmedAt: null, tokenExpiresAt: { lt: weekAgo } } }),
  ]);
  return {
    sessions: sessions.count,
    rateLimits: rateLimits.count,
    resetTokens: resetTokens.count,
    verificationTokens: verificationTokens.count,
    failedJobs: jobs.count,
    unconfirmedSubscribers: unconfirmed.count,
  };
}
