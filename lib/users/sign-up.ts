import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { createUser } from "./create-user";
import { sendConfirmationLinkLater } from "./email-confirmation";

/**
 * The sign-up page's account creation: each client address may try a few an hour (counted in
 * PostgreSQL, before anything else — argon2 included — runs), so a script cannot mint accounts
 * or spend the server's CPU and memory on password hashing. The new account must confirm its
 * address before what it writes or reports counts.
 */
export async function signUp(input: unknown, ip: string) {
  const { signUpIpLimit } = await getSettings();
  await enforceRateLimit(`signup:ip:${ip}`, signUpIpLimit, "Too many sign-ups from your network.");
  // The address is proved by the link mailed to it: until then the account's comments and notes
  // are held and its reports do not count (lib/users/email-confirmation.ts).
  const user = await createUser(input, { unconfirmed: true });
  sendConfirmationLinkLater(user.id);
  return user;
}
