"use client";
import { useActionState, useId } from "react";
import { useFormStatus } from "react-dom";
import { postCommentAction } from "@/lib/actions/comments/post-comment";
import { FormStatus } from "@/components/ui/form-status";

function Pending({ label }: { label: string }) {
  const { pending, data } = useFormStatus();
  return (
    <>
      <button type="submit" disabled={pending} className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">{label}</button>
      {pending && data ? (
        <div aria-hidden="true" className="mt-3 rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <p className="whitespace-pre-wrap">{String(data.get("body") ?? "")}</p>
          <p className="mt-1 text-xs">Posting…</p>
        </div>
      ) : null}
    </>
  );
}

// The new-comment and reply forms: a plain form post without JavaScript, no reload with it.
export function CommentForm({ slug, parentId, label, submitLabel, autoFocus, onCancel }: { slug: string; parentId?: string; label: string; submitLabel: string; autoFocus?: boolean; onCancel?: () => void }) {
  const [state, action] = useActionState(postCommentAction, {});
  const id = useId();
  const error = state.errors?.body ?? state.errors?.parentId ?? state.message;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea id={id} name="body" required maxLength={10_000} rows={parentId ? 3 : 4} defaultValue={state.values?.body} autoFocus={autoFocus}
        aria-invalid={error ? true : undefined} aria-describedby={`${id}-help ${id}-error`}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900" />
      <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">Markdown: *emphasis*, **bold**, [links](https://…), &gt; quotes, lists, `code`.</p>
      <div id={`${id}-error`}><FormStatus message={error} /></div>
      <div className="flex items-start gap-3">
        <div><Pending label={submitLabel} /></div>
        {onCancel ? <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm hover:underline">Cancel</button> : null}
      </div>
    </form>
  );
}
