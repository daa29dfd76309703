"use client";
import { useSyncExternalStore } from "react";

// The page's comment threads stay server HTML until the reader gets near them or something needs
// them, and only then does React draw them (components/comments/comment-threads.tsx), not with the
// rest of the page: hydrating a long
// discussion was most of the page's main-thread work on a phone (issue 22: ~1 s of blocking time
// under Lighthouse's throttling for 84 comments), and a reader who never scrolls to it never pays.
// Until then the server HTML works as it does without JavaScript (Reply and Report are links, "Show
// more replies" links to the thread's page). Whatever would change the list first wakes it — the
// personal layer of a signed-in reader, a live event, this visit's own comments, a refresh — and
// waits until React has drawn it, so nothing is drawn into server HTML React has not taken over yet.

let awake = false;
const wakeListeners = new Set<() => void>();
let hydrated = false;
let markHydrated: () => void = () => {};
const hydratedPromise = new Promise<void>((resolve) => {
  markHydrated = resolve;
});
const listeners = new Set<() => void>();

/** Calls `listener` when the threads are woken; returns the unsubscribe. */
export function onThreadsWake(listener: () => void) {
  wakeListeners.add(listener);
  return () => {
    wakeListeners.delete(listener);
  };
}

/** Wakes the threads (idempotent); resolves once React has drawn them (or after 3 s, whatever happened). */
export function wakeThreads(): Promise<void> {
  if (!awake) {
    awake = true;
    for (const l of [...wakeListeners]) l();
  }
  return hydrated
    ? Promise.resolve()
    : Promise.race([hydratedPromise, new Promise<void>((resolve) => setTimeout(resolve, 3000))]);
}

export const threadsAwake = () => awake;

/** Called by the list once React has drawn it. */
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
