"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  changeEmailAction,
  changePasswordAction,
  createTokenAction,
  deleteAccountAction,
  updateAvatarAction,
  updateBioAction,
  updateNameAction,
} from "@/lib/actions/account/manage-account";

export function NameForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateNameAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        label="Name"
        name="name"
        required
        maxLength={80}
        defaultValue={state.values?.name ?? name}
        error={state.errors?.name}
      />
      <FormStatus message={state.errors ? null : state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Save name</SubmitButton>
    </form>
  );
}

export function BioForm({ bio, profilePath }: { bio: string; profilePath: string }) {
  const [state, action] = useActionState(updateBioAction, {});
  const error = state.errors?.bio;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="bio" className="block text-sm font-medium">
          Short bio
        </label>
        <p id="bio-hint" className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          A line or two about you, at most 300 characters. Shown on{" "}
          <a href={profilePath} className="underline">
            your page
          </a>{" "}
          and, if you write for the publication, on your author page.
        </p>
        <textarea
          id="bio"
          name="bio"
          rows={3}
          maxLength={300}
          defaultValue={state.values?.bio ?? bio}
          aria-describedby={error ? "bio-hint bio-error" : "bio-hint"}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id="bio-error" role={error ? "alert" : undefined} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error ?? ""}
        </p>
      </div>
      <FormStatus message={state.errors ? null : state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Save bio</SubmitButton>
    </form>
  );
}

export function AvatarForm({ hasAvatar }: { hasAvatar: boolean }) {
  const [state, action] = useActionState(updateAvatarAction, {});
  return (
    <form action={action} className="space-y-3" encType="multipart/form-data">
      <Field
        label="Picture"
        name="avatar"
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        error={state.errors?.avatar}
        hint="PNG, JPEG, WebP or GIF, at most 512 KB. Without one, your initials are shown."
      />
      <FormStatus message={state.errors ? null : state.message} tone={state.ok ? "success" : "error"} />
      <div className="flex gap-3">
        <SubmitButton>Upload picture</SubmitButton>
        {hasAvatar ? (
          <SubmitButton variant="secondary" name="remove" value="1">
            Remove picture
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
}

/** A new address: it is used once the link mailed to it is opened (the current one stays until then). */
export function EmailForm({
  email,
  pending,
  needsPassword,
}: {
  email: string;
  pending: string | null;
  needsPassword: boolean;
}) {
  const [state, action] = useActionState(changeEmailAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Your address is <strong>{email}</strong>.
        {pending && !state.ok ? (
          <>
            {" "}
            A link was sent to <strong>{pending}</strong>: your account moves there once you open it.
          </>
        ) : null}
      </p>
      <Field
        label="New e-mail address"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values?.email ?? ""}
        error={state.errors?.email}
        hint="We mail a link to the new address; your account keeps the current one until you open it."
      />
      {needsPassword ? (
        <Field
          label="Your password, to confirm it is you"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={state.errors?.password}
        />
      ) : null}
      <FormStatus message={state.errors ? null : state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton>Change e-mail address</SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.errors?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={state.errors?.newPassword}
        hint="Changing it signs you out everywhere."
      />
      <FormStatus message={state.errors ? null : state.message} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}

const scopeHelp: Record<string, string> = {
  read: "read articles, comments and notes (as you see them)",
  comments: "post, edit, delete, like and report comments",
  annotations: "write, change and report notes and highlights",
  articles: "create and edit articles",
  moderation: "act in the moderation queue, bans and rules",
};

export function CreateTokenForm({ scopes }: { scopes: string[] }) {
  const [state, action] = useActionState(createTokenAction, {});
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3" noValidate>
        <Field
          label="Token name"
          name="name"
          required
          maxLength={60}
          defaultValue={state.values?.name}
          error={state.errors?.name}
          hint="What will use it, e.g. “export script”."
        />
        <fieldset aria-describedby={state.errors?.scopes ? "token-scopes-error" : undefined}>
          <legend className="text-sm font-medium">What it may do</legend>
          <div className="mt-1 space-y-1">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  defaultChecked={scope === "read"}
                  className="mt-0.5 size-4"
                />
                <span>
                  <span className="font-medium">{scope}</span> — {scopeHelp[scope] ?? scope}
                </span>
              </label>
            ))}
          </div>
          <p
            id="token-scopes-error"
            role={state.errors?.scopes ? "alert" : undefined}
            className="mt-1 text-sm text-red-700 dark:text-red-400"
          >
            {state.errors?.scopes ?? ""}
          </p>
        </fieldset>
        <div>
          <label htmlFor="token-expires" className="block text-sm font-medium">
            Expires
          </label>
          <select
            id="token-expires"
            name="expiresInDays"
            defaultValue="90"
            className="mt-1 block rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never (until revoked)</option>
          </select>
        </div>
        <FormStatus message={state.errors || state.ok ? null : state.message} />
        <SubmitButton>Create token</SubmitButton>
      </form>
      {state.ok && state.data?.secret ? (
        <div
          role="status"
          className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-950 dark:bg-green-950 dark:text-green-100"
        >
          <p className="font-medium">{state.message}</p>
          <label className="mt-2 block text-xs font-medium" htmlFor="new-token">
            New token “{state.data.name}”
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="new-token"
              readOnly
              value={state.data.secret}
              data-testid="new-token"
              className="block w-full min-w-0 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={state.data.secret} label={`Copy token “${state.data.name}”`} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Copies `text` to the clipboard and says so (issue 18, item 13: a new token had no Copy button). */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid("Copied to the clipboard.");
    } catch {
      setSaid("Could not copy: select the token and copy it yourself.");
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={label}
        className="shrink-0 rounded-md border border-green-800 bg-white px-3 py-1 text-xs font-medium text-green-950 hover:bg-green-100 dark:bg-green-900 dark:text-green-50 dark:hover:bg-green-800"
      >
        {said.startsWith("Copied") ? "Copied" : "Copy"}
      </button>
      <span aria-live="polite" className="sr-only">
        {said}
      </span>
    </>
  );
}

export function DeleteAccountForm({ needsPassword }: { needsPassword: boolean }) {
  const [state, action] = useActionState(deleteAccountAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {needsPassword ? (
        <Field
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={state.errors?.password}
        />
      ) : null}
      <Field label="Type DELETE to confirm" name="confirm" required error={state.errors?.confirm} />
      <FormStatus message={state.errors ? null : state.message} />
      <SubmitButton variant="danger">Delete my account</SubmitButton>
    </form>
  );
}
