"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState, useSyncExternalStore } from "react";
import { deleteCommentAction } from "@/lib/actions/comments/delete-comment";
import { editCommentAction } from "@/lib/actions/comments/edit-comment";
import { likeCommentAction } from "@/lib/actions/comments/like-comment";
import { reportCommentAction } from "@/lib/actions/comments/report-comment";
import { FormStatus } from "@/components/ui/form-status";
import { CommentForm } from "./comment-form";

type Props = {
  slug: string; id: string; body: string; authorName: string;
  canReply: boolean; canEdit: boolean; canDelete: boolean; canReport: boolean; canLike: boolean;
  liked: boolean; likeCount: number;
};

const btn = "rounded px-2 py-1 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

function useRefreshOnSuccess(ok?: boolean, after?: () => void) {
  const router = useRouter();
  useEffect(() => { if (ok) { router.refresh(); after?.(); } }, [ok, router, after]);
}

const noSubscription = () => () => {};
/** False in the server HTML and while hydrating, true once React runs in the browser. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

// What a signed-in reader can do to one comment. Reply is a link to the server-rendered reply
// form until the page has hydrated (and for good without JavaScript), then a button that opens
// the form in place: one "Reply" control either way.
export function CommentActions(p: Props) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState<null | "reply" | "edit" | "delete" | "report">(null);
  const toggle = (what: typeof open) => setOpen((cur) => (cur === what ? null : what));
  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center gap-1">
        {p.canLike ? <LikeButton {...p} /> : <span className="px-2 text-sm text-zinc-600 dark:text-zinc-400">{p.likeCount ? `♥ ${p.likeCount}` : null}</span>}
        {p.canReply ? (hydrated
          ? <button type="button" className={btn} aria-expanded={open === "reply"} onClick={() => toggle("reply")}>Reply</button>
          : <a className={btn} href={`?replyTo=${p.id}#comment-${p.id}`}>Reply</a>
        ) : null}
        {p.canEdit ? <button type="button" className={btn} aria-expanded={open === "edit"} onClick={() => toggle("edit")}>Edit</button> : null}
        {p.canDelete ? <button type="button" className={btn} aria-expanded={open === "delete"} onClick={() => toggle("delete")}>Delete</button> : null}
        {p.canReport ? <button type="button" className={btn} aria-expanded={open === "report"} onClick={() => toggle("report")}>Report</button> : null}
      </div>
      {open === "reply" ? <div className="mt-3"><CommentForm slug={p.slug} parentId={p.id} label="Reply" submitLabel="Post reply" autoFocus onCancel={() => setOpen(null)} /></div> : null}
      {open === "edit" ? <EditForm {...p} onDone={() => setOpen(null)} /> : null}
      {open === "delete" ? <DeleteForm {...p} onDone={() => setOpen(null)} /> : null}
      {open === "report" ? <ReportForm {...p} /> : null}
    </div>
  );
}

function LikeButton(p: Props) {
  const [state, action, pending] = useActionState(likeCommentAction, {});
  const liked = state.data ? state.data.liked === "1" : p.liked;
  const count = state.data ? Number(state.data.likeCount) : p.likeCount;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="liked" value={liked ? "0" : "1"} />
      <button type="submit" disabled={pending} aria-pressed={liked} className={btn} aria-label={`Like (${count})`}>
        <span aria-hidden="true">{liked ? "♥" : "♡"}</span> {count}
      </button>
      {state.message ? <FormStatus message={state.message} /> : null}
    </form>
  );
}

function EditForm(p: Props & { onDone: () => void }) {
  const [state, action] = useActionState(editCommentAction, {});
  const id = useId();
  useRefreshOnSuccess(state.ok, p.onDone);
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="id" value={p.id} />
      <label htmlFor={id} className="block text-sm font-medium">Edit comment</label>
      <textarea id={id} name="body" rows={4} required maxLength={10_000} defaultValue={state.values?.body ?? p.body} autoFocus
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900" />
      <FormStatus message={state.errors?.body ?? state.message} tone={state.ok ? "success" : "error"} />
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">Save</button>
        <button type="button" onClick={p.onDone} className={btn}>Cancel</button>
      </div>
    </form>
  );
}

function DeleteForm(p: Props & { onDone: () => void }) {
  const [state, action] = useActionState(deleteCommentAction, {});
  useRefreshOnSuccess(state.ok);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-3 text-sm dark:bg-red-950">
      <input type="hidden" name="id" value={p.id} />
      <span>Delete this comment? Replies to it stay.</span>
      <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white">Yes, delete</button>
      <button type="button" onClick={p.onDone} className={btn}>Keep it</button>
      <FormStatus message={state.ok ? null : state.message} />
    </form>
  );
}

const chooseReason = "Choose why you are reporting it.";

// No reason is chosen for the reader (WordPress's and Discourse's flags ask, too): sending
// without one says so here, or from the server without JavaScript.
function ReportForm(p: Props) {
  const [state, action] = useActionState(reportCommentAction, {});
  const [missing, setMissing] = useState(false);
  const id = useId();
  if (state.ok) return <p role="status" className="mt-3 text-sm text-green-800 dark:text-green-400">{state.message}</p>;
  const error = missing ? chooseReason : state.errors?.reason ?? state.message;
  return (
    <form action={action} noValidate className="mt-3 space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      onSubmit={(e) => {
        const none = !new FormData(e.currentTarget).get("reason");
        setMissing(none);
        if (none) { e.preventDefault(); e.currentTarget.querySelector<HTMLInputElement>('input[name="reason"]')?.focus(); }
      }}>
      <input type="hidden" name="id" value={p.id} />
      <fieldset aria-describedby={`${id}-error`} aria-invalid={error ? true : undefined}>
        <legend className="font-medium">Why are you reporting this comment by {p.authorName}?</legend>
        {[["spam", "Spam"], ["harassment", "Harassment"], ["off_topic", "Off-topic"], ["other", "Something else"]].map(([value, label]) => (
          <label key={value} className="mr-4 inline-flex items-center gap-1"><input type="radio" name="reason" value={value} onChange={() => setMissing(false)} /> {label}</label>
        ))}
      </fieldset>
      <label htmlFor={id} className="block">Note for the moderators (optional)</label>
      <input id={id} name="note" maxLength={500} className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
      <div id={`${id}-error`}><FormStatus message={error} /></div>
      <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">Send report</button>
    </form>
  );
}
