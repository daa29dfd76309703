"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { formAction, formText } from "@/lib/actions/form-action";
import { safeReturnPath, type FormState } from "@/lib/http/form-state";
import { wrongCredentialsMessage } from "@/lib/users/authenticate-with-password";
import { createUser } from "@/lib/users/create-user";

async function signInWith(email: string, password: string, returnTo: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: returnTo });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const wait = /^rate_limited_(\d+)$/.exec(e.code ?? "")?.[1];
      return { message: wait ? `Too many failed sign-ins. Try again in ${wait} s.` : wrongCredentialsMessage, values: { email } };
    }
    if (e instanceof AuthError) return { message: "Sign-in failed. Please try again.", values: { email } };
    throw e; // the redirect after a successful sign-in
  }
  return {};
}

export const signInAction = formAction(z.object({ email: formText(), password: formText(), returnTo: formText() }), async ({ email, password, returnTo }) =>
  signInWith(email, password, safeReturnPath(returnTo)));

export const signUpAction = formAction(z.object({ name: formText(), email: formText(), password: formText(), returnTo: formText() }), async ({ name, email, password, returnTo }) => {
  await createUser({ name, email, password });
  // A new account lands on a welcome page with next steps (and a way back to where they were).
  const back = safeReturnPath(returnTo);
  return signInWith(email.trim().toLowerCase(), password, back === "/" ? "/welcome" : `/welcome?returnTo=${encodeURIComponent(back)}`);
});
