import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearRateLimit, hitRateLimit, releaseRateLimitHit, retryAfterSeconds } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { signInSchema } from "@/lib/validation/user";
import { verifyPassword } from "./passwords";

export const wrongCredentialsMessage = "That email and password do not match an account.";

/** The per-account failure counter's key (cleared by a successful sign-in or a password reset). */
export const signInAccountKey = (email: string) => `signin:account:${email}`;
const inFlightWindowMs = 60_000;

// Checks an email and password. A wrong email and a wrong password get the same answer after the
// same hashing time; failures are counted per account and per IP in PostgreSQL.
//
// Per IP there are separate counters: failures (only ever raised, by a failure) and attempts in
// flight (raised before the password is checked, lowered after, whatever the outcome). The limit
// applies to failures + in flight, so a burst of concurrent guesses cannot all pass, and a success
// never takes a failure off (alternating with one's own account used to guess without limit).
// Successes are counted apart (`signin:ok:ip:`), never against anyone.
export async function authenticateWithPassword(raw: unknown, ip: string) {
  const parsed = signInSchema.safeParse(raw);
  const email = parsed.success ? parsed.data.email : "";
  const password = parsed.success ? parsed.data.password : "";
  const settings = await getSettings();
  const accountKey = signInAccountKey(email);
  const ipFailKey = `signin:ip:${ip}`;
  const ipFlightKey = `signin:flight:ip:${ip}`;
  const accountFlightKey = `signin:flight:account:${email}`;
  const [inFlightIp, inFlightAccount] = await Promise.all([
    hitRateLimit(ipFlightKey, inFlightWindowMs),
    hitRateLimit(accountFlightKey, inFlightWindowMs),
  ]);
  const land = () => Promise.all([releaseRateLimitHit(ipFlightKey), releaseRateLimitHit(accountFlightKey)]);
  const [accountFailures, ipFailures] = await Promise.all([
    failuresOf(accountKey, settings.signInAccountLimit.windowMs),
    failuresOf(ipFailKey, settings.signInIpLimit.windowMs),
  ]);
  if (
    accountFailures + inFlightAccount > settings.signInAccountLimit.limit ||
    ipFailures + inFlightIp > settings.signInIpLimit.limit
  ) {
    await land();
    const wait = Math.max(
      1,
      await retryAfterSeconds([
        { key: accountKey, window: settings.signInAccountLimit },
        { key: ipFailKey, window: settings.signInIpLimit },
      ]),
    );
    throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${wait} s.`, undefined, wait);
  }

  let user: { id: string; name: string; email: string; passwordHash: string | null } | null = null;
  let ok = false;
  try {
    user = email
      ? await db.user.findFirst({
          where: { email, deletedAt: null },
          select: { id: true, name: true, email: true, passwordHash: true },
        })
      : null;
    ok = await verifyPassword(user?.passwordHash, password);
  } catch (e) {
    await land();
    throw e;
  }
  if (!ok || !user) {
    // The failure is counted before the attempt leaves the in-flight count: a concurrent attempt always sees one of them.
    await Promise.all([
      hitRateLimit(accountKey, settings.signInAccountLimit.windowMs),
      hitRateLimit(ipFailKey, settings.signInIpLimit.windowMs),
    ]);
    await land();
    throw new AppError("unauthorized", wrongCredentialsMessage);
  }
  await land();
  // The owner proved themselves: the account's failures are forgotten; the IP's are not.
  await Promise.all([clearRateLimit(accountKey), hitRateLimit(`signin:ok:ip:${ip}`, settings.signInIpLimit.windowMs)]);
  return { id: user.id, name: user.name, email: user.email };
}

/** A failure counter's current value (0 when its window has ended). */
async function failuresOf(key: string, windowMs: number) {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row && row.windowStart.getTime() + windowMs > clock.now().getTime() ? row.count : 0;
}
