"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "@/lib/actions/account/sign-in";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormStatus message={state.message} />
      <div className="flex items-center justify-between gap-4">
        <SubmitButton>Sign in</SubmitButton>
        <Link href="/forgot-password" className="text-sm text-accent-700 hover:underline dark:text-accent-300">
          Forgot password?
        </Link>
      </div>
    </form>
  );
}
