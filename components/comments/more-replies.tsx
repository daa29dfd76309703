"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import type { ThreadComment } from "@/lib/comments/list-thread";
import { CommentItem } from "./comment-item";

type Json = {
  id: string; parentId: string | null; author: { id: string | null; name: string; image: string | null }; body: string | null; html: string | null;
  status: string; reasons?: string[]; likes: number; liked?: boolean; createdAt: string; editedAt: string | null; depth: number;
  canEdit?: boolean; editableUntil?: string | null;
  replies: Json[]; moreReplies?: { count: number; cursor: string | null };
};

/** The API's comment (lib/comments/comment-json.ts) in the shape CommentItem draws. */
function fromJson(c: Json): ThreadComment {
  return {
    id: c.id, parentId: c.parentId, body: c.body ?? "", html: c.html ?? "", status: c.status as ThreadComment["status"], holdReasons: c.reasons ?? [],
    likeCount: c.likes, createdAt: new Date(c.createdAt), editedAt: c.editedAt ? new Date(c.editedAt) : null,
    authorName: c.author.id ? null : c.author.name, author: c.author.id ? { id: c.author.id, name: c.author.name, image: c.author.image, deletedAt: null } : null,
    articleId: "", threadId: "", depth: c.depth, displayDepth: c.depth,
    canEdit: c.canEdit ?? false, editableUntil: c.editableUntil ? new Date(c.editableUntil) : null,
    replies: c.replies.map(fromJson), ...(c.moreReplies ? { more: c.moreReplies } : {}),
  };
}
const likedIn = (list: Json[], into = new Set<string>()): Set<string> => {
  for (const c of list) { if (c.liked) into.add(c.id); likedIn(c.replies, into); }
  return into;
};

const noSubscription = () => () => {};
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

export type MoreRepliesProps = {
  slug: string; parentId: string; to: string; count: number; cursor: string | null; first: boolean;
  viewerId: string | null; canWrite: boolean; banned: boolean; editWindowMs: number; linkHoldThreshold: number; now: number;
};

const control = "rounded px-2 py-1 text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300";

/**
 * "Show N more replies" where a page load left part of a branch out. Without JavaScript (and in
 * the server HTML) a link to the branch's permalink page; once hydrated a button that fetches the
 * next replies from the API and draws them here, below what the reader has already read, then
 * moves focus to the first of them.
 */
export function MoreReplies(p: MoreRepliesProps) {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ loading?: boolean; error?: boolean; items?: ThreadComment[]; liked?: Set<string>; next?: string | null; remaining?: number }>({});
  const noun = `${p.count.toLocaleString("en")} ${p.first ? "" : "more "}${p.count === 1 ? "reply" : "replies"}`;

  async function load() {
    setState({ loading: true });
    try {
      const query = new URLSearchParams({ sort: "oldest", ...(p.cursor ? { cursor: p.cursor } : {}) });
      const res = await fetch(`/api/comments/${encodeURIComponent(p.parentId)}/replies?${query}`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(String(res.status));
      const data = await res.json() as { comments: Json[]; next: string | null; remaining: number };
      // A permalink's path may already show one of them.
      const fresh = data.comments.filter((c) => !document.getElementById(`comment-${c.id}`));
      setState({ items: fresh.map(fromJson), liked: likedIn(fresh), next: data.next, remaining: data.remaining });
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
    const viewer = p.viewerId ? ({ id: p.viewerId } as Viewer) : null;
    return (
      <>
        {state.items.map((c) => (
          <CommentItem key={c.id} comment={c} slug={p.slug} viewer={viewer} canWrite={p.canWrite} banned={p.banned} liked={state.liked!} editWindowMs={p.editWindowMs} linkHoldThreshold={p.linkHoldThreshold} now={p.now} />
        ))}
        {state.next && state.remaining ? <MoreReplies {...p} count={state.remaining} cursor={state.next} first={false} /> : null}
      </>
    );
  }
  const href = `/articles/${p.slug}/comments/${p.parentId}${p.cursor ? `?after=${encodeURIComponent(p.cursor)}` : ""}`;
  return (
    <li className="py-2" data-more-replies={p.parentId}>
      {hydrated ? (
        <button type="button" className={control} onClick={load} disabled={state.loading} aria-label={`Show ${noun} to ${p.to}`}>
          {state.loading ? "Loading replies…" : `Show ${noun}`}
        </button>
      ) : <a className={control} href={href} aria-label={`Show ${noun} to ${p.to}`}>Show {noun}</a>}
      {state.error ? <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">The replies could not be loaded. Try again.</p> : null}
    </li>
  );
}
