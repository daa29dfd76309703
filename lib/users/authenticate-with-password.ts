import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearRateLimit, hitRateLimit, releaseRateLimitHit, retryAfterSeconds } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { signInSchema } from "@/lib/validation/user";
import { verifyPassword } from "./passwords";

export const wrongCredentialsMessage = "That email and password do not match an account.";

// Checks an email and password. A wrong email and a wrong password get the same answer after the
// same hashing time; failures are counted per account and per IP in PostgreSQL.
export async function authenticateWithPassword(raw: unknown, ip: string) {
  const parsed = signInSchema.safeParse(raw);
  const email = parsed.success ? parsed.data.email : "";
  const password = parsed.success ? parsed.data.password : "";
  const settings = await getSettings();
  const accountKey = `signin:account:${email}`;
  const ipKey = `signin:ip:${ip}`;
  // Every attempt counts itself (atomically) before the password is checked, so a burst of
  // concurrent guesses cannot all pass a check made before any of them was counted.
  const [accountCount, ipCount] = await Promise.all([
    hitRateLimit(accountKey, settings.signInAccountLimit.windowMs),
    hitRateLimit(ipKey, settings.signInIpLimit.windowMs),
  ]);
  if (accountCount > settings.signInAccountLimit.limit || ipCount > settings.signInIpLimit.limit) {
    const wait = Math.max(1, await retryAfterSeconds([
      { key: accountKey, window: settings.signInAccountLimit },
      { key: ipKey, window: settings.signInIpLimit },
    ]));
    throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${wait} s.`, undefined, wait);
  }

  const user = email
    ? await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true, email: true, passwordHash: true } })
    : null;
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!ok || !user) throw new AppError("unauthorized", wrongCredentialsMessage);
  // Only failures count: a success forgets the account's failures and gives the IP its attempt back.
  await Promise.all([clearRateLimit(accountKey), releaseRateLimitHit(ipKey)]);
  return { id: user.id, name: user.name, email: user.email };
}
