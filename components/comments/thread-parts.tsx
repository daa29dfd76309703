"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { usePersonalState } from "@/components/personal/personal-store";

// The comment list's drawing code (thread-chunk.ts: CommentItem and all it brings, the report
// form, this visit's own comments) is not part of the page's first-load JavaScript: hydration
// leaves the threads' server HTML alone (threads-wake.ts), so the browser loads it after
// hydration, while idle, or at once when something wakes the threads.
//
// The server must still render the list's HTML in the same pass, with no Suspense boundary (React
// outlines a large completed boundary after its fallback and shows it only once a script runs:
// readers without JavaScript would see no comments). So the server takes the module with a plain
// `require` — `typeof window` is a build-time constant, and the browser's bundle leaves that
// branch (and the module) out — while the browser takes it with `import()`.

type Parts = typeof import("./thread-chunk");

let parts: Parts | null =
  // biome-ignore lint/style/noCommonJs: the server's synchronous copy; the browser bundle drops this branch
  typeof window === "undefined" ? (require("./thread-chunk") as Parts) : null;
let loading: Promise<Parts> | null = null;
const listeners = new Set<() => void>();

/** Starts loading the list's drawing code (once); resolves with it. */
export function loadThreadParts(): Promise<Parts> {
  if (parts) return Promise.resolve(parts);
  loading ??= import("./thread-chunk").then((m) => {
    parts = m;
    for (const l of [...listeners]) l();
    return m;
  });
  return loading;
}

/** The list's drawing code if it is here already (always on the server). */
export const threadParts = () => parts;

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/**
 * The list's drawing code once loaded (null until then in the browser). While hydrating it gives
 * the server's answer, so a component drawn with it hydrates; the caller decides what stands in
 * its place in the browser until it is here.
 */
export const useThreadParts = () => useSyncExternalStore(subscribe, threadParts, threadParts);

/** Loads the drawing code when the browser is idle after hydration, so a wake rarely waits for it. */
export function useIdleThreadParts() {
  useEffect(() => {
    if (parts) return;
    const load = () => void loadThreadParts();
    if ("requestIdleCallback" in window) {
      const id = requestIdleCallback(load, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const t = setTimeout(load, 1000);
    return () => clearTimeout(t);
  }, []);
}

/** The no-JavaScript report page's form (rendered on the server inside the threads, drawn with them). */
export function ReportFormSlot(p: { id: string; authorName: string }) {
  const P = useThreadParts();
  return P ? <P.ReportForm {...p} /> : null;
}

/**
 * This reader's own comments on the shared page (held ones, what they post this visit): their
 * code loads only when there are some. Nothing in the server HTML (they are drawn into the threads
 * in the browser).
 */
export function SessionCommentsSlot(p: { slug: string; open: boolean; linkHoldThreshold: number }) {
  const { data, added } = usePersonalState(p.slug);
  // Once drawn it stays: it removes what it drew when those comments go.
  const [needed, setNeeded] = useState(false);
  if (!needed && (!!data?.held?.length || added.length > 0)) setNeeded(true);
  const P = useThreadParts();
  useEffect(() => {
    if (needed) void loadThreadParts();
  }, [needed]);
  return P && needed ? <P.SessionComments {...p} /> : null;
}
