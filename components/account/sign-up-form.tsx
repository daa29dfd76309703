"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "@/lib/actions/account/sign-in";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signUpAction, {});
  // Controlled, so a refused sign-up (an email in use, a name missing) keeps what was typed here:
  // React resets a form's uncontrolled fields after its action runs (issue 18, item 13).
  const [password, setPassword] = useState("");
  const e = state.errors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        error={e.name}
        hint="Shown with your comments and notes."
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={e.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={password}
        onChange={(ev) => setPassword(ev.target.value)}
        error={e.password}
        hint="At least 10 characters; not a common password."
      />
      <FormStatus message={Object.keys(e).length ? null : state.message} />
      <SubmitButton>Create account</SubmitButton>
    </form>
  );
}
