"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmEmailAction, resendConfirmationAction } from "@/lib/actions/account/email-confirmation";

/** The confirmation page's one button (the link itself changes nothing). */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmEmailAction, {});
  if (state.ok) {
    return (
      <div>
        <p role="status" className="text-green-800 dark:text-green-400">
          {state.message}
        </p>
        <p className="mt-6 text-sm">
          <Link href="/" className="font-medium text-accent-700 underline dark:text-accent-300">
            Read the latest articles
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <p>
        Confirm that this address is yours: your comments and notes are then shown as the usual rules allow, and your
        reports count.
      </p>
      <FormStatus message={state.message} />
      <SubmitButton>Confirm my address</SubmitButton>
    </form>
  );
}

/** The account page's notice for an unconfirmed address, with "send the link again". */
export function ResendConfirmationForm({ email }: { email: string }) {
  const [state, action] = useActionState(resendConfirmationAction, {});
  return (
    <form
      action={action}
      aria-labelledby="confirm-email-title"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      noValidate
    >
      <h2 id="confirm-email-title" className="font-semibold">
        Confirm your e-mail address
      </h2>
      <p>
        We sent a link to <strong>{email}</strong>. Until you open it, your comments and notes wait before others see
        them, and your reports do not count.
      </p>
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Send the link again</SubmitButton>
    </form>
  );
}
