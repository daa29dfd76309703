"use server";
import { z } from "zod";
import { formAction, formText } from "@/lib/actions/form-action";
import { confirmAddressLink } from "@/lib/users/change-email";
import { resendConfirmationLink } from "@/lib/users/email-confirmation";

// The confirmation link's page posts its token here (a button, not the link itself: mail
// scanners that open links must not use it up).
export const confirmEmailAction = formAction(z.object({ token: formText() }), async ({ token }) => {
  const { email, released, changed } = await confirmAddressLink(token);
  const shown =
    released === 0
      ? ""
      : released === 1
        ? " Your waiting comment or note is now shown."
        : ` Your ${released} waiting comments and notes are now shown.`;
  return {
    ok: true,
    message: changed
      ? `Thank you: your account now uses ${email}.${shown}`
      : `Thank you: your e-mail address is confirmed.${shown}`,
  };
});

export const resendConfirmationAction = formAction(z.object({}), async (_values, { viewer }) => {
  await resendConfirmationLink(viewer);
  return { ok: true, message: "A new link is on its way. It may take a few minutes; check the spam folder too." };
});
