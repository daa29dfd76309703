"use client";
import { type ReactNode, useId, useRef, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { type Preview, previewBody } from "./comment-api";

export const actionButton =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 sm:min-h-9 pointer-coarse:min-h-11 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

type Props = {
  label: string;
  name?: string;
  rows: number;
  defaultValue?: string;
  autoFocus?: boolean;
  error?: string | null;
  /** Shown under the box (what Markdown it takes; how long an edit may still be made). */
  help?: ReactNode;
};

// A comment's text box with a Preview: the text rendered by the server exactly as it will be
// stored (POST /api/comments/preview — the same Markdown subset, autolinked addresses and
// sanitizer), with its link count against the moderation rule. The box stays in the form (hidden
// while previewing), so what is sent is always what was typed. Without JavaScript the button does
// nothing and the box is all there is.
export function MarkdownField({ label, name = "body", rows, defaultValue, autoFocus, error, help }: Props) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const showing = preview !== null;
  const toggle = async () => {
    if (showing) {
      setPreview(null);
      requestAnimationFrame(() => box.current?.focus());
      return;
    }
    setBusy(true);
    setPreviewError(null);
    const r = await previewBody(box.current?.value ?? "");
    setBusy(false);
    if (!r.ok) return setPreviewError(r.fields?.body ?? r.message);
    setPreview(r.data);
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={box}
        id={id}
        name={name}
        required
        maxLength={10_000}
        rows={rows}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        hidden={showing}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help ${id}-error`}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {showing ? (
        <section
          aria-label={`Preview of your ${label.toLowerCase()}`}
          tabIndex={-1}
          data-testid="markdown-preview"
          className="min-h-24 rounded-md border border-dashed border-zinc-300 px-3 py-2 dark:border-zinc-700"
        >
          <div
            className="prose prose-zinc max-w-none text-[0.975rem] dark:prose-invert prose-p:my-2"
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            {preview.links} {preview.links === 1 ? "link" : "links"}
            {preview.linkHoldThreshold > 0 && preview.links >= preview.linkHoldThreshold
              ? ` — with ${preview.linkHoldThreshold} or more, a moderator reviews it before it shows.`
              : "."}
          </p>
        </section>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {help ?? (
            <>Markdown: *emphasis*, **bold**, [links](https://…), &gt; quotes, lists, `code`. Addresses are linked.</>
          )}
        </p>
        <button
          type="button"
          className={`${actionButton} border border-zinc-300 px-3 dark:border-zinc-700`}
          aria-pressed={showing}
          disabled={busy}
          onClick={toggle}
        >
          Preview
        </button>
      </div>
      <div id={`${id}-error`}>
        <FormStatus message={error ?? previewError} />
      </div>
    </div>
  );
}
