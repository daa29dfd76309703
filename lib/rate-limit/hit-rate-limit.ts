import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RateWindow = { limit: number; windowMs: number };

// Fixed-window counters in PostgreSQL, so a limit holds across every app process.
export async function hitRateLimit(key: string, windowMs: number): Promise<number> {
  const now = clock.now();
  const expired = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return rows[0].count;
}

/** Seconds until `key` may act again, or 0 when it is under its limit. */
export async function retryAfterSeconds(keys: { key: string; window: RateWindow }[]): Promise<number> {
  const rows = await db.rateLimit.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const now = clock.now().getTime();
  let wait = 0;
  for (const row of rows) {
    const { window } = keys.find((k) => k.key === row.key)!;
    const ends = row.windowStart.getTime() + window.windowMs;
    if (row.count >= window.limit && ends > now) wait = Math.max(wait, Math.ceil((ends - now) / 1000));
  }
  return wait;
}

export async function clearRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Gives back one hit of `key` (the attempt it counted turned out not to be a failure). */
export async function releaseRateLimitHit(key: string) {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

/** Counts one hit of `key` and refuses (429 with Retry-After) once it is over the window's limit. */
export async function enforceRateLimit(key: string, window: RateWindow, message: string) {
  const count = await hitRateLimit(key, window.windowMs);
  if (count <= window.limit) return;
  const wait = Math.max(1, await retryAfterSeconds([{ key, window }]));
  throw new AppError("rate_limited", `${message} Try again in ${wait} s.`, undefined, wait);
}
