"use client";
import { useActionState, useId } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateSettingsAction } from "@/lib/actions/moderation/update-settings";

export type RuleValues = {
  holdFirstContribution: boolean;
  linkHoldThreshold: number;
  moderationWords: string[];
  disallowedWords: string[];
  holdAll: boolean;
  closeAfterDays: number | null;
  reportThreshold: number;
};

function Check({
  name,
  label,
  hint,
  defaultChecked,
}: {
  name: string;
  label: string;
  hint: string;
  defaultChecked: boolean;
}) {
  const id = useId();
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-hint`}
        className="mt-1 size-4 shrink-0 accent-zinc-900 dark:accent-zinc-100"
      />
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      </div>
    </div>
  );
}

function Words({
  name,
  label,
  hint,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  error?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        {hint}
      </p>
      <textarea
        id={id}
        name={name}
        rows={6}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <p id={`${id}-error`} role={error ? "alert" : undefined} className="mt-1 text-sm text-red-700 dark:text-red-400">
        {error ?? ""}
      </p>
    </div>
  );
}

// The moderation rules (editors and admins). They apply to contributions made after saving.
export function SettingsForm({ current }: { current: RuleValues }) {
  const [state, action] = useActionState(updateSettingsAction, {});
  const v = state.values;
  const e = state.errors ?? {};
  const checked = (k: "holdFirstContribution" | "holdAll") => (v ? !!v[k] : current[k]);
  return (
    <form action={action} noValidate className="max-w-2xl space-y-6">
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Holding for review</legend>
        <Check
          name="holdFirstContribution"
          label="Hold a person’s first contribution"
          defaultChecked={checked("holdFirstContribution")}
          hint="Until a moderator approves one of their comments or notes; after that they pass."
        />
        <Field
          label="Hold contributions with this many links"
          name="linkHoldThreshold"
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          defaultValue={v?.linkHoldThreshold ?? String(current.linkHoldThreshold)}
          error={e.linkHoldThreshold}
          hint="0 turns the rule off."
          className="max-w-xs"
        />
        <Check
          name="holdAll"
          label="Hold everything"
          defaultChecked={checked("holdAll")}
          hint="Every new comment and note waits for a moderator."
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Words</legend>
        <Words
          name="moderationWords"
          label="Moderation words"
          defaultValue={v?.moderationWords ?? current.moderationWords.join("\n")}
          error={e.moderationWords}
          hint="One per line. A contribution with one of them (whole word, any case, also in the author’s name) is held."
        />
        <Words
          name="disallowedWords"
          label="Disallowed words"
          defaultValue={v?.disallowedWords ?? current.disallowedWords.join("\n")}
          error={e.disallowedWords}
          hint="One per line. A contribution with one of them goes straight to Spam."
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Reports and closing</legend>
        <Field
          label="Reports that hide an item"
          name="reportThreshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          defaultValue={v?.reportThreshold ?? String(current.reportThreshold)}
          error={e.reportThreshold}
          hint="From distinct readers; the item waits in Pending."
        />
        <Field
          label="Close discussion after (days)"
          name="closeAfterDays"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={v?.closeAfterDays ?? (current.closeAfterDays === null ? "" : String(current.closeAfterDays))}
          error={e.closeAfterDays}
          hint="Empty: never close."
        />
      </fieldset>
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Save rules</SubmitButton>
    </form>
  );
}
