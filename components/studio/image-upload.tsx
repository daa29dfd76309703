"use client";

import { useId, useRef, useState } from "react";
import { ActionButton } from "./editor-inputs";

const accept = "image/png,image/jpeg,image/webp,image/gif,image/avif";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; name: string }
  | { kind: "describe"; url: string; width: number; height: number }
  | { kind: "error"; message: string };

/** The first image file in a paste or a drop, if any. */
export function imageFrom(data: DataTransfer | null): File | null {
  for (const file of Array.from(data?.files ?? [])) if (file.type.startsWith("image/")) return file;
  return null;
}

/**
 * Images in the studio: choose a file (or paste / drop one on the body: the editor hands it to
 * `upload`), it uploads to /api/media, then the editor asks for its alt text before the Markdown
 * `![alt](url)` goes into the body at the cursor. Publishing refuses an image without alt text.
 */
export function useImageUpload(onInsert: (markdown: string) => void) {
  const [state, setState] = useState<State>({ kind: "idle" });
  async function upload(file: File) {
    setState({ kind: "uploading", name: file.name });
    const form = new FormData();
    form.append("file", file);
    try {
      const res = await fetch("/api/media", { method: "POST", body: form });
      const answer = await res.json().catch(() => null);
      if (res.status !== 201)
        return setState({ kind: "error", message: answer?.error?.message ?? "The image could not be uploaded." });
      setState({ kind: "describe", url: answer.url, width: answer.width, height: answer.height });
    } catch {
      setState({ kind: "error", message: "The image could not be uploaded: check your connection and try again." });
    }
  }
  const insert = (alt: string, url: string) => {
    onInsert(`![${alt.replace(/[[\]\n]/g, " ").trim()}](${url})`);
    setState({ kind: "idle" });
  };
  return { state, upload, insert, reset: () => setState({ kind: "idle" }) };
}

export function ImageUploadControls({
  upload: { state, upload, insert, reset },
}: {
  upload: ReturnType<typeof useImageUpload>;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const altId = useId();
  const [alt, setAlt] = useState("");
  return (
    <div className="mt-2 space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton busy={state.kind === "uploading"} onClick={() => fileInput.current?.click()}>
          Add image
        </ActionButton>
        <input
          ref={fileInput}
          type="file"
          accept={accept}
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
            e.target.value = "";
          }}
        />
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          or paste or drop an image on the body (PNG, JPEG, WebP, GIF, AVIF; up to 10 MB)
        </span>
        <p role="status" aria-live="polite" className="w-full empty:hidden">
          {state.kind === "uploading" ? `Uploading ${state.name}…` : ""}
        </p>
      </div>
      {state.kind === "error" ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      {state.kind === "describe" ? (
        <form
          className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700"
          onSubmit={(e) => {
            e.preventDefault();
            if (alt.trim()) {
              insert(alt, state.url);
              setAlt("");
            }
          }}
        >
          <div className="flex items-start gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={`${state.url}${state.width > 320 ? "?w=320" : ""}`}
              alt=""
              width={96}
              height={Math.round((96 * state.height) / state.width)}
              className="rounded border border-zinc-200 dark:border-zinc-800"
            />
            <div className="min-w-0 flex-1">
              <label htmlFor={altId} className="block font-medium">
                Alt text
              </label>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Describe the image for readers who cannot see it (what it shows, not “image of”).
              </p>
              <input
                id={altId}
                autoFocus
                required
                value={alt}
                onChange={(e) => setAlt(e.target.value)}
                maxLength={300}
                className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 dark:border-zinc-700 dark:bg-zinc-900"
              />
            </div>
          </div>
          <div className="mt-3 flex gap-2">
            <button
              type="submit"
              className="rounded-md bg-zinc-900 px-3.5 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
              disabled={!alt.trim()}
            >
              Insert image
            </button>
            <ActionButton
              onClick={() => {
                reset();
                setAlt("");
              }}
            >
              Cancel
            </ActionButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
