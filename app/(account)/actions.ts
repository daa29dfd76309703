"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { getViewer } from "@/lib/auth/get-viewer";
import { formError, safeReturnPath, type FormState } from "@/lib/http/form-state";
import { setReplyMail, unsubscribeReplyMail } from "@/lib/notifications/reply-mail-preference";
import { createApiToken, revokeApiToken } from "@/lib/users/api-tokens";
import { wrongCredentialsMessage } from "@/lib/users/authenticate-with-password";
import { signUp } from "@/lib/users/sign-up";
import { clientIp } from "@/lib/http/client-ip";
import { changePassword, deleteAccount, signOutEverywhere, updateAvatar, updateProfileName } from "@/lib/users/manage-account";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { signOut } from "@/auth";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

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

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  return signInWith(text(form, "email"), text(form, "password"), safeReturnPath(form.get("returnTo")));
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, "name"), email: text(form, "email") };
  try {
    await signUp({ ...values, password: text(form, "password") }, clientIp(await headers()));
  } catch (e) {
    return formError(e, values);
  }
  return signInWith(values.email.trim().toLowerCase(), text(form, "password"), safeReturnPath(form.get("returnTo")));
}

export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await requestPasswordReset(text(form, "email"));
  } catch (e) {
    return formError(e, { email: text(form, "email") });
  }
  return { ok: true, message: "If an account uses that address, we have sent it a link to reset the password. The link works once, within an hour." };
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await resetPassword({ token: text(form, "token"), password: text(form, "password") });
  } catch (e) {
    return formError(e);
  }
  redirect("/signin?reset=1");
}

async function viewer() {
  return getViewer(await headers());
}

export async function updateNameAction(_prev: FormState, form: FormData): Promise<FormState> {
  try { await updateProfileName(await viewer(), text(form, "name")); } catch (e) { return formError(e, { name: text(form, "name") }); }
  refresh(); // the header shows the name: re-render the page (not the cached article pages)
  return { ok: true, message: "Your name is saved." };
}

export async function updateAvatarAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    if (form.get("remove") === "1") await updateAvatar(await viewer(), null);
    else {
      const file = form.get("avatar");
      if (!(file instanceof File) || file.size === 0) return { errors: { avatar: "Choose an image file." } };
      await updateAvatar(await viewer(), Buffer.from(await file.arrayBuffer()));
    }
  } catch (e) { return formError(e); }
  refresh(); // the page shows the picture
  return { ok: true, message: "Your picture is saved." };
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await changePassword(await viewer(), { currentPassword: text(form, "currentPassword"), newPassword: text(form, "newPassword") });
  } catch (e) { return formError(e); }
  // Every session row is gone; also drop this browser's cookie, so the page it lands on (header
  // included) is rendered signed out rather than reused from the client's router cache.
  await signOut({ redirectTo: "/signin?changed=1" });
  return {};
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const days = text(form, "expiresInDays");
    const token = await createApiToken(await viewer(), { name: text(form, "name"), scopes: form.getAll("scopes").map(String), ...(days ? { expiresInDays: Number(days) } : {}) });
    refresh(); // list the new token beside the secret shown once
    return { ok: true, message: "Token created. Copy it now: it will not be shown again.", data: { secret: token.secret, name: token.name } };
  } catch (e) { return formError(e, { name: text(form, "name") }); }
}

export async function revokeTokenAction(form: FormData) {
  await revokeApiToken(await viewer(), text(form, "id"));
  // A redirect to the same page that only adds a hash is a hash-only client navigation that would
  // keep the stale list; refresh() makes the action response carry the re-rendered page.
  refresh();
  redirect("/account#tokens");
}

export async function replyMailAction(form: FormData) {
  await setReplyMail(await viewer(), form.get("notify") === "on");
  refresh();
  redirect("/account?saved=notifications#notifications");
}

/** The one-click way out from a reply mail (no sign-in: the link is signed). */
export async function unsubscribeReplyMailAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await unsubscribeReplyMail(text(form, "u"), text(form, "t"));
    return { ok: true, message: "Done: you will no longer get an e-mail when someone replies. You can turn them back on in your account." };
  } catch (e) { return formError(e); }
}

export async function signOutEverywhereAction() {
  await signOutEverywhere(await viewer());
  await signOut({ redirectTo: "/signin?everywhere=1" });
}

export async function deleteAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (text(form, "confirm") !== "DELETE") return { errors: { confirm: "Type DELETE to confirm." } };
  try { await deleteAccount(await viewer(), text(form, "password")); } catch (e) { return formError(e); }
  await signOut({ redirectTo: "/?deleted=1" });
  return {};
}
