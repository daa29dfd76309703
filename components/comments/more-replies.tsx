"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { type LiveMoreRepliesDetail, liveMoreRepliesEvent } from "@/components/live/live-reply-event";
import { CommentItem } from "./comment-item";
import type { CommentView } from "./comment-view";

const noSubscription = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

// Nothing here depends on who is reading: the replies are drawn by the same viewer-independent
// CommentItem as the shared page, and the controls each reader may use (Like, Edit, …) come from
// the personal layer, which already covers the whole article.
export type MoreRepliesProps = {
  slug: string;
  parentId: string;
  to: string;
  count: number;
  cursor: string | null;
  first: boolean;
  open: boolean;
  linkHoldThreshold: number;
};

const control =
  "rounded px-2 py-1 text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300";

/**
 * "Show N more replies" where a page load left part of a branch out. Without JavaScript (and in
 * the server HTML) a link to the branch's permalink page; once hydrated a button that fetches the
 * next replies from the API and draws them here, below what the reader has already read, then
 * moves focus to the first of them.
 */
export function MoreReplies(p: MoreRepliesProps) {
  const hydrated = useHydrated();
  const [state, setState] = useState<{
    loading?: boolean;
    error?: boolean;
    items?: CommentView[];
    next?: string | null;
    remaining?: number;
  }>({});
  // Replies that arrived live in this part of the branch (components/live): counted here until
  // the reader loads them. Kept against the count they were added to, so a refreshed page (whose
  // count already has them) does not count them twice.
  const [arrived, setArrived] = useState<{ base: number; ids: string[] }>({ base: p.count, ids: [] });
  const waiting = !state.items;
  useEffect(() => {
    if (!waiting) return;
    const on = (e: Event) => {
      const { parentId, replyId } = (e as CustomEvent<LiveMoreRepliesDetail>).detail;
      if (parentId !== p.parentId) return;
      setArrived((a) => {
        const ids = a.base === p.count ? a.ids : [];
        return ids.includes(replyId) ? a : { base: p.count, ids: [...ids, replyId] };
      });
    };
    window.addEventListener(liveMoreRepliesEvent, on);
    return () => window.removeEventListener(liveMoreRepliesEvent, on);
  }, [waiting, p.parentId, p.count]);
  const count = p.count + (arrived.base === p.count ? arrived.ids.length : 0);
  const noun = `${count.toLocaleString("en")} ${p.first ? "" : "more "}${count === 1 ? "reply" : "replies"}`;

  async function load() {
    setState({ loading: true });
    try {
      const query = new URLSearchParams({ sort: "oldest", ...(p.cursor ? { cursor: p.cursor } : {}) });
      const res = await fetch(`/api/comments/${encodeURIComponent(p.parentId)}/replies?${query}`, {
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(String(res.status));
      const data = (await res.json()) as { comments: CommentView[]; next: string | null; remaining: number };
      // A permalink's path may already show one of them.
      const fresh = data.comments.filter((c) => !document.getElementById(`comment-${c.id}`));
      setState({ items: fresh, next: data.next, remaining: data.remaining });
    } catch {
      setState({ error: true });
    }
  }

  // The button is gone once they are drawn: focus goes to the first new reply, where it stood.
  const firstNew = state.items?.[0]?.id;
  useEffect(() => {
    if (firstNew) document.getElementById(`comment-${firstNew}`)?.focus({ preventScroll: true });
  }, [firstNew]);

  if (state.items) {
    return (
      <>
        {state.items.map((c) => (
          <CommentItem key={c.id} comment={c} slug={p.slug} open={p.open} linkHoldThreshold={p.linkHoldThreshold} />
        ))}
        {state.next && state.remaining ? (
          <MoreReplies {...p} count={state.remaining} cursor={state.next} first={false} />
        ) : null}
      </>
    );
  }
  const href = `/articles/${p.slug}/comments/${p.parentId}${p.cursor ? `?after=${encodeURIComponent(p.cursor)}` : ""}`;
  return (
    <li className="py-2" data-more-replies={p.parentId}>
      {hydrated ? (
        <button
          type="button"
          className={control}
          onClick={load}
          disabled={state.loading}
          aria-label={`Show ${noun} to ${p.to}`}
        >
          {state.loading ? "Loading replies…" : `Show ${noun}`}
        </button>
      ) : (
        <a className={control} href={href} aria-label={`Show ${noun} to ${p.to}`}>
          Show {noun}
        </a>
      )}
      {state.error ? (
        <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">
          The replies could not be loaded. Try again.
        </p>
      ) : null}
    </li>
  );
}
