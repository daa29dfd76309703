"use client";
import { createContext, useContext, useSyncExternalStore } from "react";
import type { CommentView } from "@/components/comments/comment-view";
import type { ArticlePersonal } from "@/lib/personal/get-article-personal";

// The personal layer of an article page, in the browser: the page's HTML is the same for every
// reader (and cached); who this reader is and what they may do comes from one request to
// /api/me/articles/<slug> after the page has arrived. The header, the comment controls, the
// comment form and the margin notes all read it from here. Comments this reader posts are kept
// here too, so they show at once (held ones marked as held, for them only).

export type Personal = ArticlePersonal;
type Snapshot = { slug: string; data: Personal | null; failed: boolean; added: CommentView[] };

let snapshot: Snapshot | null = null;
let inflight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: Snapshot) {
  snapshot = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

async function fetchPersonal(slug: string) {
  try {
    const response = await fetch(`/api/me/articles/${encodeURIComponent(slug)}`, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(String(response.status));
    const data = (await response.json()) as Personal;
    set({ slug, data, failed: false, added: snapshot?.slug === slug ? snapshot.added : [] });
  } catch {
    set({
      slug,
      data: snapshot?.slug === slug ? snapshot.data : null,
      failed: true,
      added: snapshot?.slug === slug ? snapshot.added : [],
    });
  }
}

/** Asks for the article's personal layer once per page (again with `fresh`, e.g. after an edit). */
export function loadPersonal(slug: string, { fresh = false } = {}): Promise<void> {
  if (snapshot?.slug !== slug) {
    snapshot = { slug, data: null, failed: false, added: [] };
    inflight = null;
  }
  if (!inflight || fresh) inflight = fetchPersonal(slug);
  return inflight;
}

/** A comment this reader just posted: shown at once wherever its parent is. */
export function addPostedComment(slug: string, comment: CommentView) {
  const current = snapshot?.slug === slug ? snapshot : { slug, data: null, failed: false, added: [] };
  const own =
    current.data && comment.status !== "deleted"
      ? {
          ...current.data,
          own: [
            ...current.data.own.filter((o) => o.id !== comment.id),
            {
              id: comment.id,
              editableUntil: new Date(Date.now() + current.data.editWindowMs).toISOString(),
              body: comment.body,
            },
          ],
        }
      : current.data;
  set({ ...current, data: own, added: [...current.added.filter((c) => c.id !== comment.id), comment] });
}

/** A change to a comment posted in this visit (edited, deleted), from the API's answer. */
export function replacePostedComment(slug: string, changed: Partial<CommentView> & { id: string }) {
  if (snapshot?.slug !== slug) return;
  set({
    ...snapshot,
    added: snapshot.added.map((c) => (c.id === changed.id ? { ...c, ...changed, replies: c.replies } : c)),
  });
}

/** A comment posted in this visit that its author deleted (without replies, it leaves no trace). */
export function removePostedComment(slug: string, id: string) {
  if (snapshot?.slug !== slug) return;
  const data = snapshot.data && {
    ...snapshot.data,
    own: snapshot.data.own.filter((o) => o.id !== id),
    held: snapshot.data.held.filter((c) => c.id !== id),
  };
  set({ ...snapshot, data, added: snapshot.added.filter((c) => c.id !== id) });
}

/** The server-side personal layer of a per-request render (the no-JavaScript reply page). */
export const PersonalSeed = createContext<Personal | null>(null);

const none: Snapshot = { slug: "", data: null, failed: false, added: [] };
const serverSnapshot = () => null;

/** This reader's layer for `slug`: null until it has arrived (and for good without JavaScript). */
export function usePersonalState(slug: string): Snapshot {
  const seed = useContext(PersonalSeed);
  const current = useSyncExternalStore(subscribe, () => snapshot, serverSnapshot);
  if (current && current.slug === slug && (current.data || current.failed)) return current;
  if (seed) return { slug, data: seed, failed: false, added: current?.slug === slug ? current.added : [] };
  return current?.slug === slug ? current : none;
}

export function usePersonal(slug: string): Personal | null {
  return usePersonalState(slug).data;
}

let unreadTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * The discussion changed (the live stream said so): a reader who may have been told of it — they
 * follow the article, or wrote on it — asks for their unread count again, so the header's bell
 * moves without a reload. Batched: one request however many changes arrive within a second.
 */
export function refreshUnread(slug: string) {
  const data = snapshot?.slug === slug ? snapshot.data : null;
  if (!data?.viewer || !(data.following || data.own.length || data.noteRights.length)) return;
  unreadTimer ??= setTimeout(async () => {
    unreadTimer = null;
    try {
      const response = await fetch("/api/me/notifications?limit=1", {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const { unread } = (await response.json()) as { unread: number };
      const current = snapshot?.slug === slug ? snapshot : null;
      if (current?.data?.viewer && typeof unread === "number")
        set({ ...current, data: { ...current.data, viewer: { ...current.data.viewer, unread } } });
    } catch {
      /* the count waits for the next page */
    }
  }, 1_000);
}
