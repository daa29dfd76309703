"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateCreditLineAction } from "@/lib/actions/moderation/update-credit-line";

// The editorial desk's credit line (settings): added on approval to an article without its own.
export function CreditLineForm({ current }: { current: string }) {
  const [state, action] = useActionState(updateCreditLineAction, {});
  return (
    <form
      action={action}
      noValidate
      className="mt-10 max-w-2xl space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800"
    >
      <h2 className="text-lg font-semibold">Editorial desk</h2>
      <Field
        label="Credit line"
        name="creditLine"
        defaultValue={state.values?.creditLine ?? current}
        error={state.errors?.creditLine}
        maxLength={200}
        hint="Added at the end of an approved article that has no credit line of its own, e.g. “Edited By : SAILBlogs Editorial Board”. Empty: none."
      />
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Save credit line</SubmitButton>
    </form>
  );
}
