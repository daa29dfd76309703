"use client";
import { useSyncExternalStore } from "react";

// The page's comment threads are server HTML that hydrates when the reader gets near it or needs it
// (components/comments/comment-threads.tsx), not with the rest of the page: hydrating a long
// discussion was most of the page's main-thread work on a phone (issue 22: ~1 s of blocking time
// under Lighthouse's throttling for 84 comments), and a reader who never scrolls to it never pays.
// Until then the server HTML works as it does without JavaScript (Reply and Report are links, "Show
// more replies" links to the thread's page). Whatever would change the list first wakes it — the
// personal layer of a signed-in reader, a live event, this visit's own comments, a refresh — and
// waits until it has hydrated, so nothing is drawn into server HTML React has not taken over yet.

let wake: () => void = () => {};
let awake = false;
const woken = new Promise<void>((resolve) => {
  wake = resolve;
});
let hydrated = false;
let markHydrated: () => void = () => {};
const hydratedPromise = new Promise<void>((resolve) => {
  markHydrated = resolve;
});
const listeners = new Set<() => void>();

/** Resolves once the threads may render in the browser (what React.lazy waits on). */
export const threadsWoken = woken;

/** Wakes the threads (idempotent); resolves once they have hydrated (or after 3 s, whatever happened). */
export function wakeThreads(): Promise<void> {
  if (!awake) {
    awake = true;
    wake();
  }
  return hydrated
    ? Promise.resolve()
    : Promise.race([hydratedPromise, new Promise<void>((resolve) => setTimeout(resolve, 3000))]);
}

export const threadsAwake = () => awake;

/** Called by the list once React has taken over its HTML. */
export function threadsHydrated() {
  if (hydrated) return;
  hydrated = true;
  markHydrated();
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/** True once the threads are React's (false in the server HTML and while they sleep). */
export const useThreadsHydrated = () =>
  useSyncExternalStore(
    subscribe,
    () => hydrated,
    () => false,
  );
