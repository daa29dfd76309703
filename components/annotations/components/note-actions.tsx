"use client";
import { useId, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { type NoteThread, parseTags } from "../model/note-data";
import { useNotes } from "./notes-context";

// 44 px tap targets on a phone or any coarse pointer (issue 18, item 11); compact in a wide margin.
const btn =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 py-1 text-xs font-medium sm:min-h-8 sm:min-w-0 pointer-coarse:min-h-11 pointer-coarse:min-w-11 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";
const primary =
  "rounded-md bg-zinc-900 px-3 py-1.5 text-xs font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900";
const input =
  "block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Open = null | "reply" | "edit" | "delete" | "report" | "removeFromGroup";

// What the reader may do to one note or reply: Reply, and Edit/Delete (own) or Report (others').
export function NoteActions({ note: n }: { note: NoteThread }) {
  const api = useNotes();
  const [open, setOpen] = useState<Open>(null);
  // A banned reader gets no controls (the server refuses every write of theirs).
  if (!api.viewer || api.banNotice || n.status === "deleted") return null;
  const mine = n.authorId === api.viewer.id;
  const highlight = n.motivation === "highlighting";
  const canReply = api.canWrite && !highlight && (n.status === "approved" || mine);
  const canEdit = n.canEdit && !highlight;
  // A group note is reported to its group's owner (and the admins); a private one never.
  const canReport = !api.review && !mine && n.audience !== "private" && n.status === "approved";
  // The group's owner moderates its notes (issue 19).
  const runsGroup = !mine && n.audience === "group" && !!n.group && !!api.groups?.find((g) => g.id === n.group)?.runs;
  const canReattach = !api.review && mine && !n.parentId && n.state === "orphaned" && api.canWrite;
  const review = api.review;
  const canResolve = !!review && !n.parentId && n.resolved !== undefined;
  const toggle = (what: Open) => setOpen((cur) => (cur === what ? null : what));
  const close = () => setOpen(null);
  return (
    <div className="mt-1">
      <div className="flex flex-wrap gap-1">
        {canReply ? (
          <button type="button" className={btn} aria-expanded={open === "reply"} onClick={() => toggle("reply")}>
            Reply
          </button>
        ) : null}
        {canEdit ? (
          <button type="button" className={btn} aria-expanded={open === "edit"} onClick={() => toggle("edit")}>
            Edit
          </button>
        ) : null}
        {canReattach ? (
          <button
            type="button"
            className={btn}
            aria-pressed={api.reattachingId === n.id}
            onClick={() => api.startReattach(n.id)}
            aria-describedby={`reattach-help-${n.id}`}
          >
            Re-attach
          </button>
        ) : null}
        {mine ? (
          <button type="button" className={btn} aria-expanded={open === "delete"} onClick={() => toggle("delete")}>
            Delete
          </button>
        ) : null}
        {canReport ? (
          <button type="button" className={btn} aria-expanded={open === "report"} onClick={() => toggle("report")}>
            Report
          </button>
        ) : null}
        {runsGroup ? (
          <button
            type="button"
            className={btn}
            aria-expanded={open === "removeFromGroup"}
            onClick={() => toggle("removeFromGroup")}
          >
            Remove from group
          </button>
        ) : null}
        {canResolve ? (
          <button type="button" className={btn} onClick={() => void review.resolve(n.id, !n.resolved)}>
            {n.resolved ? "Reopen" : "Mark resolved"}
          </button>
        ) : null}
      </div>
      {canReattach ? (
        <p id={`reattach-help-${n.id}`} className="sr-only">
          Then select the passage this {highlight ? "highlight" : "note"} belongs to in the article.
        </p>
      ) : null}
      {open === "reply" ? (
        <TextForm label="Reply" submit="Post reply" onCancel={close} onSubmit={(text) => api.reply(n.id, text)} />
      ) : null}
      {open === "edit" ? (
        <TextForm
          label="Edit note"
          submit="Save changes"
          initial={n.body}
          tags={n.tags}
          onCancel={close}
          onSubmit={(text, tags) => api.edit(n.id, text, tags)}
        />
      ) : null}
      {open === "delete" ? (
        <DeleteForm
          onCancel={close}
          onConfirm={() => api.remove(n.id)}
          what={highlight ? "highlight" : n.parentId ? "reply" : "note"}
        />
      ) : null}
      {open === "removeFromGroup" && n.group ? (
        <DeleteForm
          onCancel={close}
          onConfirm={() => api.removeFromGroup?.(n.id, n.group!) ?? Promise.resolve(null)}
          what={n.parentId ? "reply" : "note"}
          fromGroup
        />
      ) : null}
      {open === "report" ? (
        <ReportForm author={n.authorName} onSubmit={(reason) => api.report(n.id, reason, n.audience === "group")} />
      ) : null}
    </div>
  );
}

type TextFormProps = {
  label: string;
  submit: string;
  initial?: string;
  tags?: string[];
  onCancel(): void;
  onSubmit(text: string, tags: string[]): Promise<string | null>;
};

function TextForm({ label, submit, initial = "", tags, onCancel, onSubmit }: TextFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    if (!text) return setError("Write something first.");
    setBusy(true);
    const failure = await onSubmit(text, tags ? parseTags(String(data.get("tags") ?? "")) : []);
    setBusy(false);
    if (failure) setError(failure);
    else onCancel();
  };
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void send(e.currentTarget);
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name="text"
        rows={3}
        maxLength={5_000}
        defaultValue={initial}
        autoFocus
        aria-describedby={`${id}-error`}
        aria-invalid={error ? true : undefined}
        className={input}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      {tags ? (
        <>
          <label htmlFor={`${id}-tags`} className="block text-xs font-medium">
            Tags
          </label>
          <input id={`${id}-tags`} name="tags" defaultValue={tags.join(", ")} className={input} />
        </>
      ) : null}
      <div id={`${id}-error`}>
        <FormStatus message={error} />
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primary}>
          {submit}
        </button>
        <button type="button" onClick={onCancel} className={btn}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteForm({
  what,
  onCancel,
  onConfirm,
  fromGroup = false,
}: {
  what: string;
  onCancel(): void;
  onConfirm(): Promise<string | null>;
  /** The group owner's removal: the note leaves the group, its text and history kept. */
  fromGroup?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-2 space-y-2 rounded-md bg-red-50 p-2 text-xs dark:bg-red-950">
      <p>
        {fromGroup
          ? `Remove this ${what} from the group? Members no longer see it; it is kept, with its history.`
          : `Delete this ${what}?${what === "note" ? " Replies to it stay." : ""}`}
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          autoFocus
          className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white"
          onClick={async () => setError(await onConfirm())}
        >
          {fromGroup ? "Yes, remove" : "Yes, delete"}
        </button>
        <button type="button" className={btn} onClick={onCancel}>
          Keep it
        </button>
      </div>
      <FormStatus message={error} />
    </div>
  );
}

const reasons = [
  ["spam", "Spam"],
  ["harassment", "Harassment"],
  ["off_topic", "Off-topic"],
  ["other", "Something else"],
];

// No reason is chosen for the reader: sending without one asks for it.
function ReportForm({
  author,
  onSubmit,
}: {
  author: string;
  onSubmit(reason: string): Promise<{ ok: boolean; message: string }>;
}) {
  const id = useId();
  const [state, setState] = useState<{ done?: string; error?: string | null }>({});
  if (state.done)
    return (
      <p role="status" className="mt-2 text-xs text-green-800 dark:text-green-400">
        {state.done}
      </p>
    );
  return (
    <form
      className="mt-2 space-y-2 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800"
      onSubmit={async (e) => {
        e.preventDefault();
        const reason = new FormData(e.currentTarget).get("reason");
        if (!reason) {
          e.currentTarget.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
          return setState({ error: "Choose why you are reporting it." });
        }
        const r = await onSubmit(String(reason));
        setState(r.ok ? { done: r.message } : { error: r.message });
      }}
    >
      <fieldset aria-describedby={`${id}-error`} aria-invalid={state.error ? true : undefined}>
        <legend className="font-medium">Why are you reporting this note by {author}?</legend>
        {reasons.map(([value, label]) => (
          <label key={value} className="mr-3 inline-flex items-center gap-1">
            <input type="radio" name="reason" value={value} /> {label}
          </label>
        ))}
      </fieldset>
      <div id={`${id}-error`}>
        <FormStatus message={state.error} />
      </div>
      <button type="submit" className={primary}>
        Send report
      </button>
    </form>
  );
}
