"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { unsubscribeReplyMailAction } from "@/lib/actions/account/reply-mail";

export function ReplyMailUnsubscribeForm({ userId, token }: { userId: string; token: string }) {
  const [state, action] = useActionState(unsubscribeReplyMailAction, {});
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="u" value={userId} />
      <input type="hidden" name="t" value={token} />
      {state.ok ? null : <SubmitButton>Stop reply e-mails</SubmitButton>}
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      {state.ok ? (
        <p className="text-sm">
          <Link href="/account#notifications" className="text-accent-700 underline dark:text-accent-300">
            Your account
          </Link>
        </p>
      ) : null}
    </form>
  );
}
