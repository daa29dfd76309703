"use client";
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { usePersonalState } from "@/components/personal/personal-store";
import type { CommentView } from "./comment-view";
import { inertCut } from "./inert-cut";
import { threadsJsonSelector } from "./shared-slots";
import { threadParts, useIdleThreadParts } from "./thread-parts";
import { onThreadsWake, threadsAwake, threadsHydrated, wakeThreads } from "./threads-wake";

type Props = {
  /** The threads; none in a shared page's shell, whose list the server fills (HTML and JSON: shared-slots.ts). */
  views?: CommentView[];
  /** The shell's placeholder for the list (with `views` absent). */
  slot?: string;
  slug: string;
  open: boolean;
  linkHoldThreshold: number;
  replyTo?: { id: string; node: ReactNode };
  /** The page is about one comment (a permalink; the reply or report form without JavaScript): no sleeping. */
  eager?: boolean;
};

const noSubscription = () => () => {};
/** How far ahead of the reader the discussion wakes: one screen before it scrolls into view. */
const wakeMargin = "100% 0px 100% 0px";
const focusable = "a[href], button, input, select, textarea, [tabindex]";

/** Where the focus is inside the list (a comment and which of its controls), to put it back after a redraw. */
function focusWithin(list: HTMLElement | null) {
  const active = document.activeElement as HTMLElement | null;
  if (!list || !active || !list.contains(active)) return null;
  const article = active.closest<HTMLElement>('article[id^="comment-"]');
  if (!article) return null;
  return { id: article.id, index: active === article ? -1 : [...article.querySelectorAll(focusable)].indexOf(active) };
}

/** The threads the server filled into a shared page's list, as JSON (at the end of the page; read before React draws the list). */
function filledViews(): CommentView[] {
  const json = document.querySelector(threadsJsonSelector)?.textContent;
  try {
    return json ? (JSON.parse(json) as CommentView[]) : [];
  } catch {
    return [];
  }
}

/**
 * The comment the address names (`#comment-…`, a permalink) was the server's element, which the
 * redraw replaced: the browser's :target (its highlight) still points at the old one. The same
 * fragment again makes the new element the target; the view stays where it was.
 */
function retarget(list: HTMLElement | null) {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!list || !/^comment-/.test(id) || document.querySelector(":target")) return;
  if (!list.contains(document.getElementById(id))) return;
  const [x, y, state] = [scrollX, scrollY, history.state];
  location.replace(location.hash);
  // The fragment navigation left the entry without the router's state (back and forward need it);
  // put back as it was, past Next's patch of replaceState (which would take it for a navigation).
  History.prototype.replaceState.call(history, state, "", location.href);
  scrollTo(x, y);
}

/**
 * The page's comment threads. A client component on purpose: the page's RSC payload carries each
 * comment once, as its JSON (CommentView, without the Markdown source), instead of every element
 * of every comment's markup — which was more than half of a long discussion's HTML (issue 22) and
 * most of the cost of rendering it again after each new comment (issue 21). The HTML is the same
 * server-rendered markup as before (CommentItem is the one component for the page and for comments
 * fetched as JSON); nothing here reads the viewer.
 *
 * In the browser the list sleeps (components/comments/threads-wake.ts): hydration keeps the
 * server's markup as it is (an element whose content React does not own) until the reader nears
 * the discussion or something needs it, and only then does React draw it — the same markup, from
 * the same JSON. Hydrating a long discussion with the page was most of a phone's main-thread work
 * (issue 22: ~1 s of blocking time under Lighthouse's throttling for 84 comments). The code that
 * draws it (CommentItem and its controls) is not in the page's first-load JavaScript either: the
 * browser loads it when idle after hydration or at wake (thread-parts.tsx), and the list is drawn
 * once both have happened; the server renders it in the same pass as the page, as before.
 */
export function CommentThreads({ eager, ...p }: Props) {
  const { data } = usePersonalState(p.slug);
  const signedIn = !!data?.viewer;
  // While hydrating, this store gives the server's answer (false); a list first rendered in the
  // browser (a client-side navigation) has no server markup to keep and draws at once.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The server draws the list, or in a shared page's shell (no `views`) leaves its placeholder.
  const server = typeof window === "undefined";
  // A long list's server HTML carries the comments after the first screens in <noscript>
  // (components/comments/inert-cut.ts), and a shared page's shell (no `views`) has what the server
  // filled in: either hydrates asleep (its markup is not React's to compare) and wakes right after
  // when something needs it.
  const cut = eager || !p.views ? null : inertCut(p.views);
  const [awake, setAwake] = useState(
    () =>
      server || (!!p.views && (!!eager || inBrowser || (!cut && (threadsAwake() || /^#comment/.test(location.hash))))),
  );
  // The drawing code: always here on the server; in the browser once loaded (thread-parts.tsx).
  const [parts, setParts] = useState(threadParts.get);
  const drawn = awake && !!parts;
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<ReturnType<typeof focusWithin>>(null);
  useIdleThreadParts();
  useEffect(() => {
    if (!awake || parts) return;
    let on = true;
    threadParts.load().then(
      (m) => {
        if (!on) return;
        // Woken while it loaded: where the focus is now (if still in the list) is what the redraw keeps.
        refocus.current = focusWithin(list.current);
        setParts(m);
      },
      () => {
        /* the list stays server HTML, which works as it does without JavaScript */
      },
    );
    return () => {
      on = false;
    };
  }, [awake, parts]);
  // A shared page's shell carries no threads in its payload: the server filled the list with their
  // HTML and JSON, read when the list wakes.
  const [filled, setFilled] = useState<CommentView[] | null>(null);
  const views = p.views ?? filled ?? [];
  // A refresh (new props) redraws the list: it must be awake.
  const [seen, setSeen] = useState(p.views);
  if (seen !== p.views) {
    setSeen(p.views);
    if (!awake) setAwake(true);
  }

  useEffect(() => {
    if (awake) return;
    const wake = () => {
      refocus.current = focusWithin(list.current);
      if (!p.views) setFilled(filledViews());
      setAwake(true);
    };
    const off = onThreadsWake(wake);
    if (threadsAwake()) wake();
    // A signed-in reader's controls (Like, Edit, …) need the list now.
    if (signedIn) void wakeThreads();
    const wakeNow = () => void wakeThreads();
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) wakeNow();
      },
      { rootMargin: wakeMargin },
    );
    const section = list.current?.closest("section") ?? list.current;
    if (section) observer.observe(section);
    // Keyboard focus arriving in the discussion (its place is restored after the redraw), a jump to it.
    section?.addEventListener("focusin", wakeNow);
    const onHash = () => {
      if (/^#comment/.test(location.hash)) wakeNow();
    };
    onHash();
    addEventListener("hashchange", onHash);
    return () => {
      off();
      observer.disconnect();
      section?.removeEventListener("focusin", wakeNow);
      removeEventListener("hashchange", onHash);
    };
  }, [awake, signedIn, p.views]);

  useLayoutEffect(() => {
    if (!drawn) return;
    const saved = refocus.current;
    refocus.current = null;
    if (saved) {
      const article = document.getElementById(saved.id);
      const target =
        saved.index < 0 ? article : (article?.querySelectorAll<HTMLElement>(focusable)[saved.index] ?? article);
      target?.focus({ preventScroll: true });
    }
    retarget(list.current);
    threadsHydrated();
  }, [drawn]);

  return (
    <ol
      ref={list}
      data-comment-threads
      className="mt-8 divide-y divide-zinc-100 dark:divide-zinc-900"
      aria-label="Comment threads"
      // Asleep: the server's markup stays, untouched by React (it is not compared while hydrating).
      {...(server && !p.views
        ? { dangerouslySetInnerHTML: { __html: p.slot ?? "" } }
        : drawn
          ? {}
          : { dangerouslySetInnerHTML: { __html: "" }, suppressHydrationWarning: true })}
    >
      {drawn && !(server && !p.views) ? (
        <parts.CommentItems
          views={views}
          slug={p.slug}
          open={p.open}
          linkHoldThreshold={p.linkHoldThreshold}
          replyTo={p.replyTo}
          // The cut is the server HTML's alone: React in the browser draws the whole list.
          cut={server ? cut : null}
        />
      ) : null}
    </ol>
  );
}
