"use server";
import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { formAction, formText } from "@/lib/actions/form-action";
import { clientIp } from "@/lib/http/client-ip";
import { type FormState, safeReturnPath } from "@/lib/http/form-state";
import { wrongCredentialsMessage } from "@/lib/users/authenticate-with-password";
import { signUp } from "@/lib/users/sign-up";

async function signInWith(email: string, password: string, returnTo: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: returnTo });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const wait = /^rate_limited_(\d+)$/.exec(e.code ?? "")?.[1];
      return {
        message: wait ? `Too many failed sign-ins. Try again in ${wait} s.` : wrongCredentialsMessage,
        values: { email },
      };
    }
    if (e instanceof AuthError) return { message: "Sign-in failed. Please try again.", values: { email } };
    throw e; // the redirect after a successful sign-in
  }
  return {};
}

export const signInAction = formAction(
  z.object({ email: formText(), password: formText(), returnTo: formText() }),
  async ({ email, password, returnTo }) => signInWith(email, password, safeReturnPath(returnTo)),
);

export const signUpAction = formAction(
  z.object({ name: formText(), email: formText(), password: formText(), returnTo: formText() }),
  async ({ name, email, password, returnTo }) => {
    // Limited per client address before argon2 runs (lib/users/sign-up.ts).
    await signUp({ name, email, password }, clientIp(await headers()));
    // A new account lands on a welcome page with next steps (and a way back to where they were).
    const back = safeReturnPath(returnTo);
    return signInWith(
      email.trim().toLowerCase(),
      password,
      back === "/" ? "/welcome" : `/welcome?returnTo=${encodeURIComponent(back)}`,
    );
  },
);
