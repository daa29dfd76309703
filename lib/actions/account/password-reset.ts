"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";

export const forgotPasswordAction = formAction(z.object({ email: formText() }), async ({ email }) => {
  await requestPasswordReset(email);
  return {
    ok: true,
    message:
      "If an account uses that address, we have sent it a link to reset the password. The link works once, within an hour.",
  };
});

export const resetPasswordAction = formAction(z.object({ token: formText(), password: formText() }), async (values) => {
  await resetPassword(values);
  redirect("/signin?reset=1");
});
