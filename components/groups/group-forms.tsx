"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { createGroupAction } from "@/lib/actions/groups/create-group";
import { joinGroupAction } from "@/lib/actions/groups/join-group";
import {
  keepGroupNoteAction,
  leaveGroupAction,
  removeGroupMemberAction,
  removeGroupNoteAction,
} from "@/lib/actions/groups/run-group";
import type { FormState } from "@/lib/http/form-state";

/** /groups: name and description of a new group. */
export function CreateGroupForm() {
  const [state, action] = useActionState(createGroupAction, {});
  return (
    <form action={action} className="space-y-3">
      <Field
        label="Group name"
        name="name"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <div>
        <label htmlFor="group-description" className="block text-sm font-medium">
          Description (optional)
        </label>
        <textarea
          id="group-description"
          name="description"
          rows={3}
          maxLength={500}
          defaultValue={state.values?.description}
          aria-invalid={state.errors?.description ? true : undefined}
          aria-describedby={state.errors?.description ? "group-description-error" : undefined}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id="group-description-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {state.errors?.description ?? ""}
        </p>
      </div>
      <SubmitButton>Create group</SubmitButton>
      <FormStatus message={state.errors ? null : state.message} />
    </form>
  );
}

/** /groups/join/<token>: one button (opening the link changes nothing). */
export function JoinGroupForm({ token, name }: { token: string; name: string }) {
  const [state, action] = useActionState(joinGroupAction, {});
  return (
    <form action={action} className="mt-6 space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Join {name}</SubmitButton>
      <FormStatus message={state.message} />
    </form>
  );
}

type Run = (prev: FormState, form: FormData) => Promise<FormState>;
const runs: Record<"leave" | "removeMember" | "removeNote" | "keepNote", Run> = {
  leave: leaveGroupAction,
  keepNote: keepGroupNoteAction,
  removeMember: removeGroupMemberAction,
  removeNote: removeGroupNoteAction,
};

/** One of a group page's buttons: Leave, Remove (a member), Remove (a note). */
export function GroupButton({
  run,
  fields,
  label,
  accessibleName,
}: {
  run: keyof typeof runs;
  fields: Record<string, string>;
  label: string;
  accessibleName?: string;
}) {
  const [state, action] = useActionState(runs[run], {});
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton
        variant={run === "leave" || run === "keepNote" ? "secondary" : "danger"}
        aria-label={accessibleName}
      >
        {label}
      </SubmitButton>
      <FormStatus message={state.message} />
    </form>
  );
}

/** The invite link, selectable, with a Copy button (the link is also plain text to copy by hand). */
export function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="invite-link" className="block text-sm font-medium">
          Invite link
        </label>
        <input
          id="invite-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <button
        type="button"
        className="min-h-11 rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        Copy link
      </button>
      <p role="status" aria-live="polite" className="text-sm text-green-800 dark:text-green-400 sm:sr-only">
        {copied ? "Invite link copied." : ""}
      </p>
    </div>
  );
}
