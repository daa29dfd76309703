import { CredentialsSignin } from "@auth/core/errors";

type AuthLogger = { error(error: Error): void };

/**
 * Auth.js's error logger. A refused sign-in (wrong password, unknown email, rate limit) is an
 * expected answer, not a fault: one line, no stack (issue 18, item 16 — Auth.js's default wrote
 * the whole stack trace of `CredentialsSignin` for every wrong password). Anything else keeps its
 * message and stack, as Auth.js's own logger prints it.
 */
export const authLogger: AuthLogger = {
  error(error) {
    if (error instanceof CredentialsSignin) {
      console.warn(`[auth] sign-in refused (${error.code === "credentials" ? "wrong email or password" : error.code})`);
      return;
    }
    const name = (error as { type?: string }).type ?? error.name;
    console.error(`[auth][error] ${name}: ${error.message}`);
    const cause = error.cause as { err?: unknown } | undefined;
    if (cause && typeof cause === "object" && cause.err instanceof Error)
      console.error("[auth][cause]:", cause.err.stack);
    else if (error.stack) console.error(error.stack.replace(/.*/, "").substring(1));
  },
};
