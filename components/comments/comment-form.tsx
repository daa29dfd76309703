"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { addPostedComment, usePersonal } from "@/components/personal/personal-store";
import { postCommentAction } from "@/lib/actions/comments/post-comment";
import { heldMessage } from "@/lib/moderation/explain-hold";
import { postComment } from "./comment-api";
import { MarkdownField } from "./markdown-field";

function Pending({ label, busy }: { label: string; busy: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || busy}
      className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
    >
      {label}
    </button>
  );
}

/** Said before an unconfirmed account writes: what it posts waits for the address to be confirmed. */
function UnconfirmedNotice({ what }: { what: string }) {
  return (
    <p
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      Your e-mail address is not confirmed yet: your {what} will be shown to others once you confirm it. Open the link
      we sent you, or have it sent again from{" "}
      <Link href="/account" className="font-medium underline">
        your account page
      </Link>
      .
    </p>
  );
}

/** Scrolls to and focuses a comment once it is on the page (it is drawn on the next frames). */
function focusComment(id: string) {
  let tries = 0;
  const step = () => {
    const el =
      document.querySelector<HTMLElement>(`[data-session-comment] #comment-${CSS.escape(id)}`) ??
      document.getElementById(`comment-${id}`);
    if (el) {
      el.scrollIntoView({ block: "nearest" });
      el.focus({ preventScroll: true });
      return;
    }
    if (++tries < 30) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

// The new-comment and reply forms. Without JavaScript a plain form post (a server action that
// lands on the new comment); with it, a call to the comments API, and the comment is shown at
// once where it belongs — a held one marked as held, for its author only — without a reload.
export function CommentForm({
  slug,
  parentId,
  label,
  submitLabel,
  autoFocus,
  onCancel,
  onPosted,
}: {
  slug: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onPosted?: () => void;
}) {
  const [state, action] = useActionState(postCommentAction, {});
  const me = usePersonal(slug);
  const [local, setLocal] = useState<{ error?: string; status?: string }>({});
  const [busy, setBusy] = useState(false);
  // A new key after a post: the box starts again empty, out of preview.
  const [fieldKey, setFieldKey] = useState(0);
  const error = local.error ?? state.errors?.body ?? state.errors?.parentId ?? state.message;
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const body = String(new FormData(form).get("body") ?? "");
        setBusy(true);
        setLocal({});
        const r = await postComment(slug, body, parentId);
        setBusy(false);
        if (!r.ok) return setLocal({ error: r.fields?.body ?? r.fields?.parentId ?? r.message });
        const { held, ...comment } = r.data;
        addPostedComment(slug, { ...comment, replies: [] });
        form.reset();
        setFieldKey((k) => k + 1);
        setLocal({
          status: held
            ? heldMessage(comment.reasons ?? [], me?.linkHoldThreshold ?? 2)
            : parentId
              ? "Reply posted."
              : "Comment posted.",
        });
        // The address names the new comment, as a permalink would (no navigation: nothing is fetched again).
        history.replaceState(history.state, "", `${location.pathname}${location.search}#comment-${comment.id}`);
        focusComment(comment.id);
        onPosted?.();
      }}
    >
      <input type="hidden" name="slug" value={slug} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {me?.unconfirmed ? <UnconfirmedNotice what={parentId ? "reply" : "comment"} /> : null}
      <MarkdownField
        key={fieldKey}
        label={label}
        rows={parentId ? 3 : 4}
        defaultValue={state.values?.body}
        autoFocus={autoFocus}
        error={error}
      />
      {local.status ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          {local.status}
        </p>
      ) : null}
      <div className="flex items-start gap-3">
        <div>
          <Pending label={submitLabel} busy={busy} />
        </div>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm hover:underline">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
