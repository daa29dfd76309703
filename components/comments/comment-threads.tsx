"use client";
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from "react";
import { usePersonalState } from "@/components/personal/personal-store";
import { CommentThreadsList, type CommentThreadsProps } from "./comment-threads-list";
import { threadsAwake, threadsWoken, wakeThreads } from "./threads-wake";

// In the browser the list waits for wakeThreads() (components/comments/threads-wake.ts): while it
// sleeps, its Suspense boundary keeps the server HTML as it is (React hydrates a boundary whose
// content suspends later, when it resolves), so the discussion costs the page's first seconds
// nothing. The server renders the list itself, complete, for every reader and for search engines.
const SleepingList = lazy(() => threadsWoken.then(() => ({ default: CommentThreadsList })));
const List = typeof window === "undefined" ? CommentThreadsList : SleepingList;

const noSubscription = () => () => {};

/** How far ahead of the reader the discussion wakes: one screen before it scrolls into view. */
const wakeMargin = "100% 0px 100% 0px";

/**
 * The page's comment threads (the list itself: comment-threads-list.tsx). A client component on
 * purpose: the page's RSC payload carries each comment once, as its JSON, rather than every element
 * of its markup. `eager`: the page is about one comment (a permalink, the reply or report form
 * without JavaScript): the list wakes at once.
 */
export function CommentThreads(props: CommentThreadsProps & { eager?: boolean }) {
  const { eager, ...list } = props;
  const { data } = usePersonalState(props.slug);
  const signedIn = !!data?.viewer;
  // First rendered in the browser rather than hydrated (a client-side navigation to the article):
  // there is no server HTML to keep, so the list renders now. (While hydrating, the store answers
  // with the server's value; it switches right after, hence the first answer is kept.)
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [firstInBrowser] = useState(inBrowser);
  // A refresh (new props) must find the list awake: a sleeping boundary that receives new props
  // would have to drop its server HTML.
  const [seen, setSeen] = useState(props.views);
  if (seen !== props.views) setSeen(props.views);
  if (typeof window !== "undefined" && (firstInBrowser || seen !== props.views)) void wakeThreads();
  useEffect(() => {
    if (threadsAwake()) return;
    // A signed-in reader's controls (Like, Edit, …) and a permalink's focus need the list now.
    if (eager || signedIn || /^#comment-/.test(location.hash)) {
      void wakeThreads();
      return;
    }
    const section = document.getElementById("comments");
    if (!section) return void wakeThreads();
    const wakeNow = () => void wakeThreads();
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) wakeNow();
      },
      { rootMargin: wakeMargin },
    );
    observer.observe(section);
    const events = ["pointerdown", "focusin", "keydown", "touchstart"] as const;
    for (const e of events) section.addEventListener(e, wakeNow, { capture: true, passive: true });
    addEventListener("hashchange", wakeNow);
    return () => {
      observer.disconnect();
      for (const e of events) section.removeEventListener(e, wakeNow, { capture: true });
      removeEventListener("hashchange", wakeNow);
    };
  }, [eager, signedIn]);
  return (
    <Suspense fallback={null}>
      <List {...list} />
    </Suspense>
  );
}
