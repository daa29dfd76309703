"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

import { wakeThreads } from "@/components/comments/threads-wake";
import { refreshUnread } from "@/components/personal/personal-store";
import { type LiveNoteDetail, liveNoteEvent } from "./live-note-event";
import { collapsedBranchOf, type LiveMoreRepliesDetail, liveMoreRepliesEvent } from "./live-reply-event";

type Change = {
  kind: "comment" | "annotation";
  action: "created" | "updated" | "removed";
  id: string;
  parents?: string[];
};

const batchMs = 600;
const inPage = (id: string) => !!document.getElementById(`comment-${id}`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Listens to the article's event stream and applies what it hears without moving the text:
 * new comments and replies wait behind a fixed "N new comments" button (clicking it refreshes
 * the discussion and moves to the first of them); removed comments disappear at once; edits are
 * refreshed in place (or with the new comments, when some are waiting); notes go to the margin
 * UI, which fetches them through the annotation API. Each batch is announced politely.
 * The browser's EventSource resumes with Last-Event-ID after a drop; when the network goes
 * away (or the page is frozen), the stream is closed and reopened from the last id it saw.
 */
export function LiveClient({ slug }: { slug: string }) {
  const router = useRouter();
  const [fresh, setFresh] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  // For tests and the curious: whether the stream is open right now.
  const [state, setState] = useState<"connecting" | "open" | "closed">("connecting");
  const queue = useRef<Change[]>([]);
  const staleEdits = useRef(false);
  const freshRef = useRef<string[]>([]);
  // Replies counted in a branch's "N more replies" (a replayed event must not count them twice).
  const counted = useRef(new Set<string>());

  const setWaiting = useCallback((ids: string[]) => {
    freshRef.current = ids;
    setFresh(ids);
  }, []);

  const flush = useCallback(() => {
    const batch = queue.current.splice(0);
    let added = 0,
      folded = 0,
      removed = 0,
      notes = 0,
      edited = false,
      refresh = false;
    const waiting = freshRef.current.filter((id) => !inPage(id));
    for (const c of batch) {
      if (c.kind === "annotation") {
        window.dispatchEvent(
          new CustomEvent<LiveNoteDetail>(liveNoteEvent, { detail: { action: c.action, id: c.id } }),
        );
        if (c.action === "created") notes++;
        continue;
      }
      if (c.action === "created") {
        // Already on the page (the reader's own comment, shown by its form): nothing new.
        if (inPage(c.id) || waiting.includes(c.id) || counted.current.has(c.id)) continue;
        // A reply into a branch shown in part: its "N more replies" counts it, where it belongs,
        // rather than a "new comment" that would show out of context (issue 22).
        const branch = collapsedBranchOf(c.parents, inPage);
        if (branch) {
          counted.current.add(c.id);
          window.dispatchEvent(
            new CustomEvent<LiveMoreRepliesDetail>(liveMoreRepliesEvent, {
              detail: { parentId: branch, replyId: c.id },
            }),
          );
          folded++;
        } else {
          waiting.push(c.id);
          added++;
        }
      } else if (c.action === "removed") {
        const i = waiting.indexOf(c.id);
        if (i >= 0) waiting.splice(i, 1);
        const el = document.getElementById(`comment-${c.id}`);
        const item = el?.closest("li");
        if (!el || !item || item.hidden) continue;
        removed++;
        // With replies below it, the server shows what stays (a placeholder, the replies): refresh.
        if (item.querySelector(":scope > ol")) refresh = true;
        else item.hidden = true;
      } else if (inPage(c.id)) edited = refresh = true;
    }
    setWaiting(waiting);
    // The header's bell: new comments or notes may have notified this reader.
    if (added || notes) refreshUnread(slug);
    if (refresh) {
      // A refresh now would also insert the waiting comments and move the text: then the edit
      // shows with them.
      if (waiting.length) staleEdits.current = true;
      else router.refresh();
    }
    const parts = [
      added
        ? `${plural(added, "new comment", "new comments")} (use the “new comments” button to show ${added === 1 ? "it" : "them"})`
        : "",
      folded
        ? `${plural(folded, "new reply", "new replies")} in a thread shown in part (under “Show more replies”)`
        : "",
      notes ? plural(notes, "new note", "new notes") : "",
      removed ? `${plural(removed, "comment", "comments")} removed` : "",
      edited ? "A comment was edited" : "",
    ].filter(Boolean);
    if (parts.length) setMessage(`${parts.join(". ")}.`);
  }, [router, setWaiting, slug]);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = "";
    let timer: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const receive = (kind: Change["kind"]) => (e: MessageEvent<string>) => {
      if (e.lastEventId) lastId = e.lastEventId;
      try {
        const { action, id, parents } = JSON.parse(e.data) as {
          action: Change["action"];
          id: string;
          parents?: unknown;
        };
        queue.current.push({
          kind,
          action,
          id,
          parents: Array.isArray(parents) ? parents.filter((p): p is string => typeof p === "string") : undefined,
        });
      } catch {
        return;
      }
      // The threads may still be server HTML (threads-wake.ts): a change wakes them first.
      timer ??= setTimeout(() => {
        void wakeThreads().then(() => {
          timer = null;
          flush();
        });
      }, batchMs);
    };
    const open = () => {
      if (source || !navigator.onLine) return;
      const url = `/api/articles/${encodeURIComponent(slug)}/events${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ""}`;
      const s = new EventSource(url);
      source = s;
      s.addEventListener("comment", receive("comment"));
      s.addEventListener("annotation", receive("annotation"));
      // A stream opens with a `ready` event carrying the newest id: a drop before any change
      // still resumes from there.
      s.addEventListener("ready", (e) => {
        if (e.lastEventId) lastId = e.lastEventId;
      });
      s.onopen = () => setState("open");
      s.onerror = () => {
        setState(s.readyState === EventSource.CLOSED ? "closed" : "connecting");
        // The browser retries by itself unless the answer was an error; then try again later.
        if (s.readyState === EventSource.CLOSED && source === s) {
          source = null;
          retry = setTimeout(open, 10_000);
        }
      };
    };
    const close = () => {
      source?.close();
      source = null;
      setState("closed");
      if (retry) {
        clearTimeout(retry);
        retry = null;
      }
    };
    open();
    addEventListener("offline", close);
    addEventListener("online", open);
    document.addEventListener("freeze", close);
    document.addEventListener("resume", open);
    addEventListener("pagehide", close);
    addEventListener("pageshow", open);
    return () => {
      close();
      if (timer) clearTimeout(timer);
      removeEventListener("offline", close);
      removeEventListener("online", open);
      document.removeEventListener("freeze", close);
      document.removeEventListener("resume", open);
      removeEventListener("pagehide", close);
      removeEventListener("pageshow", open);
    };
  }, [slug, flush]);

  // Comments the reader's own refresh (a post, a reply) already brought in are no longer "new".
  useEffect(() => {
    if (!fresh.length) return;
    const t = setInterval(() => {
      const left = freshRef.current.filter((id) => !inPage(id));
      if (left.length !== freshRef.current.length) setWaiting(left);
    }, 1000);
    return () => clearInterval(t);
  }, [fresh, setWaiting]);

  const show = () => {
    const first = fresh[0];
    setWaiting([]);
    staleEdits.current = false;
    router.refresh();
    setMessage(`Showing ${plural(fresh.length, "new comment", "new comments")}.`);
    // Once the refresh has brought it in, the first new comment takes the focus (the reader asked
    // to see them); the button that had it is gone.
    const until = Date.now() + 10_000;
    const focus = () => {
      const el = document.getElementById(`comment-${first}`);
      if (el) {
        el.scrollIntoView({ block: "center" });
        el.focus({ preventScroll: true });
      } else if (Date.now() < until) setTimeout(focus, 50);
    };
    if (first) focus();
  };

  return (
    <>
      <p aria-live="polite" className="sr-only" data-live-state={state}>
        {message}
      </p>
      {fresh.length ? (
        <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center">
          <button
            type="button"
            onClick={show}
            className="pointer-events-auto rounded-full bg-zinc-900 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-zinc-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            {plural(fresh.length, "new comment", "new comments")}
          </button>
        </div>
      ) : null}
    </>
  );
}
