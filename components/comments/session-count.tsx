"use client";
import { startTransition, useEffect, useRef, useState, useSyncExternalStore } from "react";

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

/**
 * "Comments (N)": the shared page's count plus what only this reader sees on it. In a shared page's
 * shell (no `total`) the server writes the count into `slot`'s place; it is read from there.
 */
export function CommentCount({ total, slot }: { total?: number; slot?: string }) {
  const extra = useSyncExternalStore(
    subscribeCount,
    () => shown,
    () => 0,
  );
  const filled = useRef<HTMLSpanElement>(null);
  const [read, setRead] = useState<number | null>(null);
  // Read after hydration, as a transition: a state update in a layout effect would be sync work left
  // by hydration's commit, which makes React run every mount effect of the page in that same task.
  // Until it is read, the server's count is what shows (the same number).
  useEffect(() => {
    if (total === undefined && read === null) {
      const n = Number.parseInt(filled.current?.textContent?.replace(/\D/g, "") ?? "", 10) || 0;
      startTransition(() => setRead(n));
    }
  }, [total, read]);
  const count = total ?? read;
  if (count === null)
    return (
      <span
        ref={filled}
        // The server's own count stays until it is read (React does not compare it while hydrating).
        dangerouslySetInnerHTML={{ __html: typeof window === "undefined" ? (slot ?? "") : "" }}
        suppressHydrationWarning
      />
    );
  return <>({count + extra})</>;
}
