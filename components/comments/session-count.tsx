"use client";
import { useSyncExternalStore } from "react";

// How many comments only this reader sees on the shared page (their held ones and what they post
// this visit, drawn by session-comments.tsx): kept apart so the heading's count hydrates with the
// page while the code that draws those comments loads only when there are some.

let shown = 0;
const countListeners = new Set<() => void>();

export function setSessionShown(n: number) {
  if (n === shown) return;
  shown = n;
  for (const l of countListeners) l();
}

const subscribeCount = (l: () => void) => {
  countListeners.add(l);
  return () => {
    countListeners.delete(l);
  };
};

/** "Comments (N)": the shared page's count plus what only this reader sees on it. */
export function CommentCount({ total }: { total: number }) {
  const extra = useSyncExternalStore(
    subscribeCount,
    () => shown,
    () => 0,
  );
  return <>({total + extra})</>;
}
