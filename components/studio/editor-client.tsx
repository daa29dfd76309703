"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import type { EditorFields, EditorSnapshot } from "@/lib/articles/editor-snapshot";
import { EditorActions } from "./editor-actions";
import { EditorDetails } from "./editor-details";
import { ImpactPanel } from "./editor-impact";
import { TextArea } from "./editor-inputs";
import { EditorPreview } from "./editor-preview";
import { ImageUploadControls, imageFrom, useImageUpload } from "./image-upload";
import { StatusBadge } from "./status-badge";
import { type SaveState, useStudioEditor } from "./use-studio-editor";

type Props = {
  initial: { fields: EditorFields; article: EditorSnapshot | null };
  publication: string;
  canPublish?: boolean;
};

function saveLabel(state: SaveState, dirty: boolean, article: EditorSnapshot | null) {
  if (state.kind === "saving") return "Saving…";
  if (state.kind === "error" || state.kind === "conflict") return "Not saved";
  if (dirty) return article && article.status !== "draft" ? "Unsaved changes" : "Unsaved changes…";
  if (article?.hasDraft && article.status !== "draft") return "Saved as a draft: readers see the published version";
  return article ? "Saved" : "";
}

// Asks before the page is left with changes the server does not have yet.
function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  return (e: React.MouseEvent) => {
    if (dirty && !window.confirm("You have unsaved changes. Leave anyway?")) e.preventDefault();
  };
}

// The studio editor: Markdown on the left, the article as readers will see it on the right
// (tabs on a phone), details under the text; drafts save themselves.
export function EditorClient({ initial, publication, canPublish = true }: Props) {
  const editor = useStudioEditor(initial);
  const { fields, update, article, dirty, state, errors, impact, busy } = editor;
  const [pane, setPane] = useState<"write" | "preview">("write");
  const bodyBox = useRef<HTMLDivElement>(null);
  // An image's Markdown goes in at the cursor (or the end), on a line of its own.
  const images = useImageUpload((markdown) => {
    const area = bodyBox.current?.querySelector("textarea");
    const body = fields.body;
    const at = area ? area.selectionStart : body.length;
    const before = body.slice(0, at),
      after = body.slice(at);
    update(
      "body",
      `${before}${before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : ""}${markdown}\n\n${after.replace(/^\n+/, "")}`,
    );
    requestAnimationFrame(() => area?.focus());
  });
  const guardLink = useLeaveGuard(dirty);
  const status = article?.status ?? "draft";
  const unpublish = () => {
    const question =
      status === "scheduled"
        ? `Unschedule “${fields.title}”? It stays a draft until you publish or schedule it again.`
        : `Unpublish “${fields.title}”? Readers will get “not found” until you publish it again; its notes and comments are kept.`;
    if (window.confirm(question)) void editor.save("unpublish");
  };
  const tab = (name: "write" | "preview", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={pane === name}
      onClick={() => setPane(name)}
      className={`flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${pane === name ? "bg-white shadow dark:bg-zinc-700" : "text-zinc-600 dark:text-zinc-300"}`}
    >
      {label}
    </button>
  );

  return (
    <div className="mx-auto max-w-[96rem] px-4 pb-16 sm:px-6">
      <div className="sticky top-0 z-20 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <Link
            href="/studio"
            onClick={guardLink}
            className="text-sm text-accent-700 hover:underline dark:text-accent-300"
          >
            ← All articles
          </Link>
          <h1 className="text-lg font-semibold">{article ? "Edit article" : "New article"}</h1>
          <StatusBadge status={status} hasDraft={article?.hasDraft} />
          <p role="status" aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
            {saveLabel(state, dirty, article)}
          </p>
          <div className="ml-auto flex gap-4 text-sm">
            {article ? (
              <Link
                href={`/studio/${article.slug}/revisions`}
                onClick={guardLink}
                className="text-accent-700 hover:underline dark:text-accent-300"
              >
                Revisions
              </Link>
            ) : null}
            {article?.status === "published" ? (
              <a
                href={`/articles/${article.slug}`}
                target="_blank"
                rel="noopener"
                className="text-accent-700 hover:underline dark:text-accent-300"
              >
                View article
              </a>
            ) : null}
          </div>
        </div>
        <div className="mt-2">
          <EditorActions
            key={article?.publishAt ?? "unscheduled"}
            article={article}
            busy={busy}
            scheduleError={errors.publishAt}
            canPublish={canPublish}
            onSaveDraft={() => void editor.save("draft")}
            onPublish={() => void editor.publish()}
            onSchedule={(at) => void editor.save("schedule", at)}
            onUnpublish={unpublish}
          />
        </div>
      </div>

      {state.kind === "conflict" ||
      state.kind === "error" ||
      (state.kind === "saved" && state.message && state.message !== "Saved") ? (
        <div
          role={state.kind === "saved" ? "status" : "alert"}
          className={`mt-4 rounded-md border p-3 text-sm ${state.kind === "saved" ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200" : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"}`}
        >
          <p>{state.message}</p>
          {state.kind === "conflict" ? (
            <p className="mt-1">
              Copy anything you want to keep, then{" "}
              <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
                reload
              </button>{" "}
              to continue from their version.
            </p>
          ) : null}
        </div>
      ) : null}
      {impact ? (
        <div className="mt-4">
          <ImpactPanel
            impact={impact}
            busy={busy === "publish"}
            onConfirm={() => void editor.confirmImpact()}
            onCancel={editor.cancelImpact}
          />
        </div>
      ) : null}

      <div
        role="tablist"
        aria-label="Editor view"
        className="mt-4 flex gap-1 rounded-lg bg-zinc-100 p-1 lg:hidden dark:bg-zinc-800"
      >
        {tab("write", "Write")}
        {tab("preview", "Preview")}
      </div>
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <div className={`min-w-0 space-y-6 ${pane === "preview" ? "hidden lg:block" : ""}`}>
          <Field
            label="Title"
            value={fields.title}
            error={errors.title}
            required
            maxLength={200}
            onChange={(e) => update("title", e.target.value)}
            className="[&_input]:font-serif [&_input]:text-2xl [&_input]:font-bold"
          />
          <div ref={bodyBox}>
            <TextArea
              label="Body"
              value={fields.body}
              error={errors.body}
              rows={24}
              spellCheck
              hint="Markdown: ## headings, *emphasis*, **bold**, [links](https://…), > quotes, lists, `code`, tables, ~~strikethrough~~, footnotes[^1] with [^1]: the note."
              className="[&_textarea]:min-h-[24rem] [&_textarea]:font-mono [&_textarea]:text-sm [&_textarea]:leading-6"
              onChange={(e) => update("body", e.target.value)}
              onPaste={(e) => {
                const f = imageFrom(e.clipboardData);
                if (f) {
                  e.preventDefault();
                  void images.upload(f);
                }
              }}
              onDragOver={(e) => {
                if (e.dataTransfer.types.includes("Files")) e.preventDefault();
              }}
              onDrop={(e) => {
                const f = imageFrom(e.dataTransfer);
                if (f) {
                  e.preventDefault();
                  void images.upload(f);
                }
              }}
            />
            <ImageUploadControls upload={images} />
          </div>
          <EditorDetails fields={fields} errors={errors} update={update} published={status === "published"} />
        </div>
        <section aria-label="Preview" className={`min-w-0 ${pane === "write" ? "hidden lg:block" : ""}`}>
          {/* Scrolls on its own beside the text: focusable, so a keyboard can scroll it too. */}
          <div
            tabIndex={0}
            className="lg:sticky lg:top-32 lg:max-h-[calc(100vh-9rem)] lg:overflow-y-auto lg:rounded-lg lg:border lg:border-zinc-200 lg:p-8 dark:lg:border-zinc-800"
          >
            <p className="mb-4 text-xs font-semibold uppercase tracking-wider text-zinc-500 dark:text-zinc-400">
              Preview
            </p>
            <EditorPreview
              publication={publication}
              title={fields.title}
              author={fields.author}
              affiliation={fields.affiliation}
              credit={fields.credit}
              body={fields.body}
              publishedAt={article?.publishedAt ?? null}
            />
          </div>
        </section>
      </div>
    </div>
  );
}
