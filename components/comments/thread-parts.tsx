"use client";
import { useEffect, useState } from "react";
import { usePersonalState } from "@/components/personal/personal-store";
import { splitModule, useSplitModule } from "@/components/ui/split-module";
import { whenIdle } from "@/components/ui/when-idle";

// The comment list's drawing code (thread-chunk.ts: CommentItem and all it brings, the report and
// reply forms of the no-JavaScript pages, this visit's own comments) is not part of the page's
// first-load JavaScript: hydration leaves the threads' server HTML alone (threads-wake.ts), so the
// browser loads it when idle after hydration, or at once when something wakes the threads. The
// server renders with it synchronously, in the same pass as the page (components/ui/split-module.ts).
export const threadParts = splitModule(
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy; the browser's bundle drops this branch
      (require("./thread-chunk") as typeof import("./thread-chunk"))
    : null,
  () => import("./thread-chunk"),
);

// On the server, the same code also renders a changed thread alone for scripts/server.mjs (thread-renderer.ts).
if (typeof window === "undefined")
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy; the browser's bundle drops this branch
  (require("./thread-renderer") as typeof import("./thread-renderer")).registerThreadRenderer();

/** Loads the drawing code when the browser is idle after hydration, so a wake rarely waits for it. */
export function useIdleThreadParts() {
  useEffect(() => {
    if (threadParts.get()) return;
    return whenIdle(() => void threadParts.load().catch(() => {}), 3000);
  }, []);
}

/** The no-JavaScript report page's form (rendered on the server inside the threads, drawn with them). */
export function ReportFormSlot(p: { id: string; authorName: string }) {
  const P = useSplitModule(threadParts);
  return P ? <P.ReportForm {...p} /> : null;
}

/** The no-JavaScript reply page's form (rendered on the server inside the threads, drawn with them). */
export function ReplyFormSlot(p: { slug: string; parentId: string }) {
  const P = useSplitModule(threadParts);
  return P ? <P.CommentForm slug={p.slug} parentId={p.parentId} label="Reply" submitLabel="Post reply" /> : null;
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
  const P = useSplitModule(threadParts);
  useEffect(() => {
    if (needed) void threadParts.load().catch(() => {});
  }, [needed]);
  return P && needed ? <P.SessionComments {...p} /> : null;
}
