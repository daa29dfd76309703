"use client";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** Puts text (and, where the browser allows, the same with its italics as HTML) on the clipboard. */
export async function copyToClipboard(text: string, html?: string): Promise<boolean> {
  try {
    if (html && typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        }),
      ]);
      return true;
    }
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Copy button and its status ("Copied", read out by screen readers). Shown once the page runs
 * scripts: without them the citation is still there to select (it selects whole on a click).
 */
export function CopyButton({
  name,
  label = "Copy",
  text,
  html,
}: {
  /** The button's accessible name; it starts with the visible label. */
  name: string;
  label?: string;
  text: string;
  html?: string;
}) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [status, setStatus] = useState("");
  if (!scripted) return null;
  return (
    <span className="flex items-center gap-2">
      <span role="status" aria-live="polite" className="text-xs text-green-800 dark:text-green-400">
        {status}
      </span>
      <button
        type="button"
        aria-label={name === label ? undefined : name}
        onClick={async () => {
          setStatus("");
          const ok = await copyToClipboard(text, html);
          setStatus(ok ? "Copied" : "Could not copy: select the text and copy it");
        }}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {label}
      </button>
    </span>
  );
}
