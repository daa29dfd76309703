"use client";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { usePersonalState } from "@/components/personal/personal-store";
import { CommentItem, repliesLabel, repliesListClass } from "./comment-item";
import type { CommentView } from "./comment-view";
import { useThreadsHydrated, wakeThreads } from "./threads-wake";

// The comments that are this reader's alone on the shared page: their held comments (from the
// personal layer) and what they post during this visit. Each is drawn where it belongs — a reply
// under its parent, a new comment at the end of the list — so nothing above the reader moves
// (a browser's scroll anchoring keeps the view still when a held reply lands above it).

let shown = 0;
const countListeners = new Set<() => void>();
function setShown(n: number) {
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
  useLayoutEffect(() => {
    if (total === undefined && read === null)
      setRead(Number.parseInt(filled.current?.textContent?.replace(/\D/g, "") ?? "", 10) || 0);
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

/** Whether the shared page itself now shows the comment (a refresh after a live event brings it in). */
const onServerPage = (id: string) =>
  [...document.querySelectorAll(`[id="comment-${CSS.escape(id)}"]`)].some(
    (el) => !el.closest("[data-session-comment]"),
  );

/** Where a comment of this visit goes: a new list item at the end of its parent's replies (or of the threads). */
function makeTarget(c: CommentView, section: HTMLElement): HTMLElement | null {
  let list: HTMLElement | null;
  if (!c.parentId) {
    list = section.querySelector<HTMLElement>("ol[data-comment-threads]");
  } else {
    const parent = document.getElementById(`comment-${c.parentId}`);
    const item = parent?.parentElement;
    if (!parent || !item) return null;
    list = [...item.children].find((e): e is HTMLElement => e.tagName === "OL") ?? null;
    if (!list) {
      let depth = 0;
      for (let e = item.parentElement; e && e !== section; e = e.parentElement)
        if (e.tagName === "OL" && e.getAttribute("aria-label")?.startsWith("Replies to")) depth++;
      const name = parent.getAttribute("aria-label")?.replace(/^Comment by /, "") ?? "";
      list = document.createElement("ol");
      list.setAttribute(
        "aria-label",
        repliesLabel({
          status: parent.getAttribute("aria-label") === "Deleted comment" ? "deleted" : "approved",
          author: { id: null, name, image: null },
        }),
      );
      list.className = repliesListClass(depth);
      item.appendChild(list);
    }
  }
  if (!list) return null;
  const li = document.createElement("li");
  li.setAttribute("data-session-comment", "");
  list.appendChild(li);
  return li;
}

export function SessionComments({
  slug,
  open,
  linkHoldThreshold,
}: {
  slug: string;
  open: boolean;
  linkHoldThreshold: number;
}) {
  const { data, added } = usePersonalState(slug);
  const items = useMemo(() => {
    const byId = new Map<string, CommentView>();
    for (const c of data?.held ?? []) byId.set(c.id, c);
    for (const c of added) byId.set(c.id, c);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [data, added]);
  const [targets, setTargets] = useState(() => new Map<string, HTMLElement>());
  // The shared page changes under us (a live event refreshes it): when it now carries one of this
  // visit's comments itself, look again (and drop this visit's copy).
  const targetsNow = useRef(targets);
  useEffect(() => {
    targetsNow.current = targets;
  }, [targets]);
  const [pageVersion, setPageVersion] = useState(0);
  useEffect(() => {
    const section = document.getElementById("comments");
    if (!section) return;
    const observer = new MutationObserver(() => {
      if ([...targetsNow.current.keys()].some(onServerPage)) setPageVersion((v) => v + 1);
    });
    observer.observe(section, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  // Drawn into the threads only once React has taken them over (they may still be server HTML).
  const threadsReady = useThreadsHydrated();
  useEffect(() => {
    if (items.length) void wakeThreads();
  }, [items]);
  useLayoutEffect(() => {
    const section = document.getElementById("comments");
    if (!section || !threadsReady) return;
    let next: Map<string, HTMLElement> | null = null;
    const ids = new Set(items.map((c) => c.id));
    for (const [id, target] of targets) {
      // Gone from this visit's list, or now on the shared page itself: this copy goes.
      if (ids.has(id) && !onServerPage(id)) continue;
      target.remove();
      (next ??= new Map(targets)).delete(id);
    }
    for (const c of items) {
      if (targets.has(c.id) || onServerPage(c.id)) continue;
      const target = makeTarget(c, section);
      if (target) (next ??= new Map(targets)).set(c.id, target);
    }
    if (next) setTargets(next);
  }, [items, targets, pageVersion, threadsReady]);

  useLayoutEffect(() => {
    const visible = items.filter((c) => targets.has(c.id) && c.status !== "deleted").length;
    setShown(visible);
    const empty = document.querySelector<HTMLElement>("[data-no-comments]");
    if (empty) empty.hidden = items.some((c) => !c.parentId && targets.has(c.id));
  }, [items, targets]);

  return items.map((c) => {
    const target = targets.get(c.id);
    return target
      ? createPortal(
          <CommentItem as="div" comment={c} slug={slug} open={open} linkHoldThreshold={linkHoldThreshold} />,
          target,
          c.id,
        )
      : null;
  });
}
