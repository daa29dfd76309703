import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { createUser } from "./create-user";

/**
 * The sign-up page's account creation: each client address may try a few an hour (counted in
 * PostgreSQL, before anything else — argon2 included — runs), so a script cannot mint accounts
 * or spend the server's CPU and memory on password hashing.
 */
export async function signUp(input: unknown, ip: string) {
  const { signUpIpLimit } = await getSettings();
  await enforceRateLimit(`signup:ip:${ip}`, signUpIpLimit, "Too many sign-ups from your network.");
  return createUser(input);
}
