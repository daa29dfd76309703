"use client";
import { useId, useState } from "react";
import type { EditorSnapshot } from "@/lib/articles/editor-snapshot";
import { ActionButton } from "./editor-inputs";
import type { Intent } from "./use-studio-editor";

type Props = {
  article: EditorSnapshot | null;
  busy: Intent | "impact" | null;
  scheduleError?: string;
  onSaveDraft(): void;
  onPublish(): void;
  onSchedule(isoTime: string): void;
  onUnpublish(): void;
  /** False for a contributor (the editorial desk): drafts only, submitted for review instead. */
  canPublish?: boolean;
};

// A datetime-local value (the editor's own time zone) for an ISO instant, and back.
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

// Save draft, Publish/Update, Schedule (with its date), Unpublish — those the status allows.
export function EditorActions({
  article,
  busy,
  scheduleError,
  onSaveDraft,
  onPublish,
  onSchedule,
  onUnpublish,
  canPublish = true,
}: Props) {
  const status = article?.status ?? "draft";
  const [when, setWhen] = useState(() => toLocalInput(article?.publishAt ?? null));
  const [whenError, setWhenError] = useState<string | null>(null);
  const id = useId();
  const schedule = () => {
    const at = when ? new Date(when) : null;
    if (!at || Number.isNaN(at.getTime())) return setWhenError("Choose a date and time.");
    if (at.getTime() <= Date.now()) return setWhenError("Choose a time in the future.");
    setWhenError(null);
    onSchedule(at.toISOString());
  };
  const error = whenError ?? scheduleError;
  if (!canPublish)
    return (
      <div className="flex flex-wrap items-end gap-2">
        <ActionButton busy={busy === "draft"} onClick={onSaveDraft}>
          Save draft
        </ActionButton>
      </div>
    );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <ActionButton busy={busy === "draft"} onClick={onSaveDraft}>
        Save draft
      </ActionButton>
      <ActionButton variant="primary" busy={busy === "publish" || busy === "impact"} onClick={onPublish}>
        {status === "published" ? "Update" : status === "scheduled" ? "Publish now" : "Publish"}
      </ActionButton>
      {status !== "published" ? (
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor={id} className="block text-xs font-medium">
              Publish at
            </label>
            <input
              id={id}
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="mt-0.5 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </div>
          <ActionButton busy={busy === "schedule"} onClick={schedule}>
            {status === "scheduled" ? "Reschedule" : "Schedule"}
          </ActionButton>
        </div>
      ) : null}
      {article && status !== "draft" ? (
        <ActionButton variant="danger" busy={busy === "unpublish"} onClick={onUnpublish}>
          {status === "scheduled" ? "Unschedule" : "Unpublish"}
        </ActionButton>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="basis-full text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
