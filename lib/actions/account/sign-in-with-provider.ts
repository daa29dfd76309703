"use server";
import { signIn } from "@/auth";
import { safeReturnPath } from "@/lib/http/form-state";

/** "Continue with GitHub/Google": the provider's id and where to come back to, from the form. */
export async function signInWithProviderAction(form: FormData) {
  await signIn(String(form.get("provider") ?? ""), { redirectTo: safeReturnPath(form.get("returnTo")) });
}
