import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { claimInterval } from "@/lib/rate-limit/claim-interval";
import { getSettings } from "@/lib/settings/get-settings";

/** How often the server's timer actually cleans up (the claim is shared by every process). */
export const cleanupIntervalMs = 60 * 60_000;

/**
 * Deletes rows whose time is over: sessions past `expires`, rate-limit counters whose window (the
 * longest any limit uses, at least a day) has ended.
 */
export async function deleteExpiredRows() {
  const now = clock.now();
  const settings = await getSettings();
  const windows = Object.values(settings).flatMap((v) => (v && typeof v === "object" && "windowMs" in v && typeof v.windowMs === "number" ? [v.windowMs] : []));
  const longest = Math.max(24 * 60 * 60_000, settings.floodIntervalMs, ...windows);
  const [sessions, rateLimits] = await Promise.all([
    db.session.deleteMany({ where: { expires: { lt: now } } }),
    // The clean-up's own claim row is recent, so it is never deleted here.
    db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - longest) } } }),
  ]);
  return { sessions: sessions.count, rateLimits: rateLimits.count };
}

/** Runs `deleteExpiredRows` at most once per `cleanupIntervalMs` across all processes; null when it was not due. */
export async function deleteExpiredRowsWhenDue() {
  if ((await claimInterval("maintenance:delete-expired-rows", cleanupIntervalMs)) > 0) return null;
  return deleteExpiredRows();
}
