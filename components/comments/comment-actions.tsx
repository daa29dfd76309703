"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useMemo, useState, useSyncExternalStore } from "react";
import {
  loadPersonal,
  removePostedComment,
  replacePostedComment,
  usePersonalState,
} from "@/components/personal/personal-store";
import { FormStatus } from "@/components/ui/form-status";
import { likeCommentAction } from "@/lib/actions/comments/like-comment";
import { reportCommentAction } from "@/lib/actions/comments/report-comment";
import { deleteComment, editComment } from "./comment-api";
import { CommentForm } from "./comment-form";
import { actionButton, MarkdownField } from "./markdown-field";

type Props = {
  slug: string;
  id: string;
  authorName: string;
  authorId: string | null;
  live: boolean;
  open: boolean;
  likeCount: number;
};

// Every control is at least 44 px square on a phone (a finger), 36 px tall with a fine pointer.
const btn = actionButton;

/** True until `until` (an ISO time) has passed; re-renders when it does. */
function useBefore(until: string | null | undefined) {
  const end = until ? Date.parse(until) : 0;
  const [passed, setPassed] = useState<number | null>(null);
  useEffect(() => {
    if (!end) return;
    const t = setTimeout(() => setPassed(end), Math.max(0, end - Date.now()));
    return () => clearTimeout(t);
  }, [end]);
  return !!end && passed !== end;
}

const noSubscription = () => () => {};
/** False in the server HTML and while hydrating, true once React runs in the browser. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** "12 more minutes" (rounded up), "1 more minute", "less than a minute", "3 more hours". */
export function timeLeft(ms: number) {
  if (ms < 60_000) return "less than a minute";
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 120) return `${minutes} more ${minutes === 1 ? "minute" : "minutes"}`;
  return `${Math.floor(minutes / 60)} more hours`;
}

/** How long the edit window still has, in words, refreshed every 15 s (null once it has shut). */
function useTimeLeft(until: string | null | undefined) {
  const end = until ? Date.parse(until) : 0;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!end) return;
    const tick = () => setNow(Date.now());
    tick();
    const t = setInterval(tick, 15_000);
    return () => clearInterval(t);
  }, [end]);
  return end && now !== null && end > now ? timeLeft(end - now) : null;
}

// The like count goes last in the row: a comment without likes (your own, say) leaves no empty
// slot before Reply, so Reply, Edit and Delete start where the comment's text starts on every comment.
// Its heart is drawn by CSS (globals.css, .like-count): one element a comment, not two (issue 22).
function LikeCount({ count }: { count: number }) {
  return count ? (
    <span className="like-count inline-flex min-h-9 items-center px-2 text-sm text-zinc-600 dark:text-zinc-400">
      {count} {count === 1 ? "like" : "likes"}
    </span>
  ) : null;
}

// What a reader can do to one comment. The shared page (the same HTML for everyone) shows the
// like count and a "Reply" link to the server-rendered reply form (?replyTo=, which works without
// JavaScript); once the personal layer says who is reading, the controls they may use replace it
// in the same row (nothing above moves): Reply (opens the form below), Edit within the window
// (in place, with the time left), Delete, Report, then Like.
export function CommentActions(p: Props) {
  const hydrated = useHydrated();
  const { data: me, added } = usePersonalState(p.slug);
  const [open, setOpen] = useState<null | "reply" | "edit" | "delete" | "report">(null);
  const own = useMemo(() => me?.own.find((o) => o.id === p.id) ?? null, [me, p.id]);
  const inWindow = useBefore(own?.editableUntil);
  const toggle = (what: typeof open) => setOpen((cur) => (cur === what ? null : what));
  const viewer = me?.viewer ?? null;
  const link =
    p.open && p.live ? (
      <a className={btn} href={`?replyTo=${p.id}#comment-${p.id}`}>
        Reply
      </a>
    ) : null;
  // Report without JavaScript: the server-rendered report form under the comment (?report=).
  const reportLink = p.live ? (
    <a className={btn} href={`?report=${p.id}#comment-${p.id}`}>
      Report
    </a>
  ) : null;
  // Until the personal layer is here (and for good without JavaScript), anonymous, banned: no controls.
  if (!me || !viewer || me.ban) {
    return (
      <div className={row} data-comment-actions>
        {me?.ban ? null : link}
        {me?.ban ? null : reportLink}
        <LikeCount count={p.likeCount} />
      </div>
    );
  }
  const mine = p.authorId === viewer.id;
  const editable = inWindow && own?.body != null;
  const isAdded = added.some((c) => c.id === p.id);
  // Editing happens in place: the form takes the comment's text's place (globals.css hides the
  // text while an article's actions carry data-editing), and Save or Cancel puts the text back.
  // The form stays open if the window shuts while the reader types (Save then says why it failed).
  if (open === "edit" && own?.body != null) {
    return (
      <div data-comment-actions data-editing className="mt-1">
        <EditForm
          {...p}
          body={own?.body ?? ""}
          isAdded={isAdded}
          editableUntil={own?.editableUntil ?? null}
          onDone={() => {
            setOpen(null);
            requestAnimationFrame(() => document.getElementById(`comment-${p.id}`)?.focus());
          }}
        />
      </div>
    );
  }
  return (
    <div data-comment-actions>
      <div className={row}>
        {p.live && me.canComment ? (
          hydrated ? (
            <button type="button" className={btn} aria-expanded={open === "reply"} onClick={() => toggle("reply")}>
              Reply
            </button>
          ) : (
            link
          )
        ) : null}
        {editable ? (
          <button type="button" className={btn} aria-expanded={false} onClick={() => toggle("edit")}>
            Edit
          </button>
        ) : null}
        {mine && own ? (
          <button type="button" className={btn} aria-expanded={open === "delete"} onClick={() => toggle("delete")}>
            Delete
          </button>
        ) : null}
        {p.live && !mine ? (
          <button type="button" className={btn} aria-expanded={open === "report"} onClick={() => toggle("report")}>
            Report
          </button>
        ) : null}
        {p.live && !mine ? (
          <LikeButton id={p.id} liked={me.liked.includes(p.id)} likeCount={p.likeCount} />
        ) : (
          <LikeCount count={p.likeCount} />
        )}
        {editable ? <EditWindow until={own?.editableUntil ?? null} /> : null}
      </div>
      {open === "reply" ? (
        <div className="mt-3">
          <CommentForm
            slug={p.slug}
            parentId={p.id}
            label="Reply"
            submitLabel="Post reply"
            autoFocus
            onCancel={() => setOpen(null)}
            onPosted={() => setOpen(null)}
          />
        </div>
      ) : null}
      {open === "delete" ? <DeleteForm {...p} isAdded={isAdded} onDone={() => setOpen(null)} /> : null}
      {open === "report" ? <ReportForm {...p} /> : null}
    </div>
  );
}

// The row starts flush with the comment's text (the first control's padding hangs in the margin).
const row = "mt-1 -ml-2 flex min-h-9 flex-wrap items-center gap-x-1";

/** "You can edit it for 14 more minutes", beside Edit (the personal layer hands editableUntil). */
function EditWindow({ until }: { until: string | null }) {
  const left = useTimeLeft(until);
  if (!left) return null;
  return (
    <span className="px-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="edit-window">
      Editable for {left}
    </span>
  );
}

function LikeButton(p: { id: string; liked: boolean; likeCount: number }) {
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

/** After a change: a comment posted in this visit is redrawn from the answer; the page's own are fetched again. */
function useAfterChange(slug: string, isAdded: boolean) {
  const router = useRouter();
  return (changed: Parameters<typeof replacePostedComment>[1] | null) => {
    if (isAdded && changed) replacePostedComment(slug, changed);
    else router.refresh();
    void loadPersonal(slug, { fresh: true });
  };
}

function EditForm(p: Props & { body: string; isAdded: boolean; editableUntil: string | null; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const after = useAfterChange(p.slug, p.isAdded);
  const left = useTimeLeft(p.editableUntil);
  return (
    <form
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await editComment(p.id, String(new FormData(e.currentTarget).get("body") ?? ""));
        setBusy(false);
        if (!r.ok) return setError(r.fields?.body ?? r.message);
        after(r.data);
        p.onDone();
      }}
    >
      <MarkdownField
        label="Edit comment"
        rows={4}
        defaultValue={p.body}
        autoFocus
        error={error}
        help={left ? <>You can change it for {left}. Markdown works as in a new comment.</> : undefined}
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          Save
        </button>
        <button type="button" onClick={p.onDone} className={btn}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteForm(p: Props & { isAdded: boolean; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const after = useAfterChange(p.slug, p.isAdded);
  return (
    <form
      className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-3 text-sm dark:bg-red-950"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await deleteComment(p.id);
        if (!r.ok) return setError(r.message);
        p.onDone();
        // One posted in this visit has no replies on the server's page: it goes, as it does on a reload.
        if (p.isAdded) {
          removePostedComment(p.slug, p.id);
          void loadPersonal(p.slug, { fresh: true });
        } else after(null);
      }}
    >
      <span>Delete this comment? Replies to it stay.</span>
      <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white">
        Yes, delete
      </button>
      <button type="button" onClick={p.onDone} className={btn}>
        Keep it
      </button>
      <FormStatus message={error} />
    </form>
  );
}

const chooseReason = "Choose why you are reporting it.";

// No reason is chosen for the reader (WordPress's and Discourse's flags ask, too): sending
// without one says so here, or from the server without JavaScript (the ?report= page uses it too).
export function ReportForm(p: Pick<Props, "id" | "authorName">) {
  const [state, action] = useActionState(reportCommentAction, {});
  const [missing, setMissing] = useState(false);
  const id = useId();
  if (state.ok)
    return (
      <p role="status" className="mt-3 text-sm text-green-800 dark:text-green-400">
        {state.message}
      </p>
    );
  const error = missing ? chooseReason : (state.errors?.reason ?? state.message);
  return (
    <form
      action={action}
      noValidate
      className="mt-3 space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      onSubmit={(e) => {
        const none = !new FormData(e.currentTarget).get("reason");
        setMissing(none);
        if (none) {
          e.preventDefault();
          e.currentTarget.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
        }
      }}
    >
      <input type="hidden" name="id" value={p.id} />
      <fieldset aria-describedby={`${id}-error`} aria-invalid={error ? true : undefined}>
        <legend className="font-medium">Why are you reporting this comment by {p.authorName}?</legend>
        {[
          ["spam", "Spam"],
          ["harassment", "Harassment"],
          ["off_topic", "Off-topic"],
          ["other", "Something else"],
        ].map(([value, label]) => (
          <label key={value} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="reason" value={value} onChange={() => setMissing(false)} /> {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={id} className="block">
        Note for the moderators (optional)
      </label>
      <input
        id={id}
        name="note"
        maxLength={500}
        className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div id={`${id}-error`}>
        <FormStatus message={error} />
      </div>
      <button
        type="submit"
        className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        Send report
      </button>
    </form>
  );
}
