"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { actionViewer, formAction, formFields, formText } from "@/lib/actions/form-action";
import { createApiToken, revokeApiToken } from "@/lib/users/api-tokens";
import { requestEmailChange } from "@/lib/users/change-email";
import {
  changePassword,
  deleteAccount,
  signOutEverywhere,
  updateAvatar,
  updateBio,
  updateProfileName,
} from "@/lib/users/manage-account";

export const updateNameAction = formAction(z.object({ name: formText() }), async ({ name }, { viewer }) => {
  await updateProfileName(viewer, name);
  refresh(); // the header shows the name: re-render the page (not the cached article pages)
  return { ok: true, message: "Your name is saved." };
});

export const updateBioAction = formAction(z.object({ bio: formText() }), async ({ bio }, { viewer }) => {
  await updateBio(viewer, bio);
  refresh();
  return { ok: true, message: "Your bio is saved." };
});

export const updateAvatarAction = formAction(z.object({ remove: formText() }), async ({ remove }, { viewer, form }) => {
  if (remove === "1") await updateAvatar(viewer, null);
  else {
    const file = form.get("avatar");
    if (!(file instanceof File) || file.size === 0) return { errors: { avatar: "Choose an image file." } };
    await updateAvatar(viewer, Buffer.from(await file.arrayBuffer()));
  }
  refresh(); // the page shows the picture
  return { ok: true, message: "Your picture is saved." };
});

export const changeEmailAction = formAction(
  z.object({ email: formText(), password: formText() }),
  async (values, { viewer }) => {
    const { pending } = await requestEmailChange(viewer, values);
    refresh(); // the page shows the address waiting for its link
    return {
      ok: true,
      message: `We sent a link to ${pending}. Your account keeps its current address until you open it.`,
    };
  },
);

export const changePasswordAction = formAction(
  z.object({ currentPassword: formText(), newPassword: formText() }),
  async (values, { viewer }) => {
    await changePassword(viewer, values);
    // Every session row is gone; also drop this browser's cookie, so the page it lands on (header
    // included) is rendered signed out rather than reused from the client's router cache.
    await signOut({ redirectTo: "/signin?changed=1" });
  },
);

export const createTokenAction = formAction(
  z.object({ name: formText(), expiresInDays: formText() }),
  async ({ name, expiresInDays }, { viewer, form }) => {
    // Scopes are checkboxes (several values under one name); none ticked is refused ("Choose at least one scope").
    const token = await createApiToken(viewer, {
      name,
      scopes: form.getAll("scopes").map(String),
      ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}),
    });
    refresh(); // list the new token beside the secret shown once
    return {
      ok: true,
      message: "Token created. Copy it now: it will not be shown again.",
      data: { secret: token.secret, name: token.name },
    };
  },
);

export async function revokeTokenAction(form: FormData) {
  await revokeApiToken(await actionViewer(), formFields(form).id ?? "");
  // A redirect to the same page that only adds a hash is a hash-only client navigation that would
  // keep the stale list; refresh() makes the action response carry the re-rendered page.
  refresh();
  redirect("/account#tokens");
}

export async function signOutEverywhereAction() {
  await signOutEverywhere(await actionViewer());
  await signOut({ redirectTo: "/signin?everywhere=1" });
}

export const deleteAccountAction = formAction(
  z.object({ confirm: formText(), password: formText() }),
  async ({ confirm, password }, { viewer }) => {
    if (confirm !== "DELETE") return { errors: { confirm: "Type DELETE to confirm." } };
    await deleteAccount(viewer, password);
    await signOut({ redirectTo: "/account/deleted" });
  },
);
