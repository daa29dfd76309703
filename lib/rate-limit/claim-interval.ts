import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

/**
 * Claims `key` if at least `intervalMs` passed since its last claim: one atomic statement, so it
 * holds across processes. Returns 0 when claimed, else the seconds to wait.
 */
export async function claimInterval(key: string, intervalMs: number): Promise<number> {
  const now = clock.now();
  const earliest = new Date(now.getTime() - intervalMs);
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET "windowStart" = ${now}, "count" = "RateLimit"."count" + 1
      WHERE "RateLimit"."windowStart" <= ${earliest}
    RETURNING "key"`;
  if (claimed.length) return 0;
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row ? Math.max(1, Math.ceil((row.windowStart.getTime() + intervalMs - now.getTime()) / 1000)) : 1;
}

/** Gives a claim back (the write it guarded was refused for another reason). */
export async function releaseInterval(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
