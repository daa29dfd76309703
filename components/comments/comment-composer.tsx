"use client";
import Link from "next/link";
import { Component, type ReactNode, type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import { usePersonalState } from "@/components/personal/personal-store";
import { splitModule, useSplitModule } from "@/components/ui/split-module";
import { signInHref } from "@/lib/http/sign-in-href";

// The form's code is not part of the page's first-load JavaScript: most readers are not signed in
// and never use it. The server renders it in the page (synchronously, components/ui/split-module.ts);
// in the browser that HTML stays as it is — a plain form post, as without JavaScript — until the
// personal layer says this reader may comment and the code has arrived; then React draws it.
const formModule = splitModule(
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy; the browser's bundle drops this branch
      (require("./comment-form") as typeof import("./comment-form"))
    : null,
  () => import("./comment-form"),
);

/** What the reader did in the server's form before React drew it: kept across the redraw. */
type Kept = { values: Map<string, string>; focus: number; selection: [number, number] | null };
const fields = "textarea[name], input[name]:not([type=hidden])";
// Hidden inputs are not counted: the server's form has more of them than React's (its action's fields).
const focusable = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]";

function keep(box: HTMLElement): Kept {
  const values = new Map<string, string>();
  for (const f of box.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(fields))
    if (f.value) values.set(f.name, f.value);
  const active = document.activeElement;
  const focus = active && box.contains(active) ? [...box.querySelectorAll(focusable)].indexOf(active) : -1;
  const selection =
    active instanceof HTMLTextAreaElement && box.contains(active)
      ? ([active.selectionStart, active.selectionEnd] as [number, number])
      : null;
  return { values, focus, selection };
}

function restore(box: HTMLElement, kept: Kept) {
  for (const f of box.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(fields)) {
    const value = kept.values.get(f.name);
    if (value && !f.value) f.value = value;
  }
  if (kept.focus < 0) return;
  const target = box.querySelectorAll<HTMLElement>(focusable)[kept.focus];
  target?.focus({ preventScroll: true });
  if (kept.selection && target instanceof HTMLTextAreaElement) target.setSelectionRange(...kept.selection);
}

/**
 * Carries what the reader did in the server's form over to React's: read in the commit that
 * replaces it, just before the DOM changes, and put back just after, in the same task — so no
 * keystroke, focus or caret move can fall between the two.
 */
class KeepAcrossRedraw extends Component<{
  drawn: boolean;
  box: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}> {
  getSnapshotBeforeUpdate(before: Readonly<{ drawn: boolean }>): Kept | null {
    return !before.drawn && this.props.drawn && this.props.box.current ? keep(this.props.box.current) : null;
  }
  componentDidUpdate(_props: unknown, _state: unknown, kept: Kept | null) {
    if (kept && this.props.box.current) restore(this.props.box.current, kept);
  }
  render() {
    return this.props.children;
  }
}

// Where a reader writes a new comment. The shared page carries the form (a signed-in reader
// without JavaScript posts with it); once the personal layer says who is reading, an anonymous
// reader gets "Sign in to comment" and a banned one the ban, in the same reserved space, so the
// comments below do not move.
export function CommentComposer({ slug }: { slug: string }) {
  const { data: me, failed } = usePersonalState(slug);
  const Form = useSplitModule(formModule);
  const box = useRef<HTMLDivElement>(null);
  const wantsForm = !(me && !me.viewer) && !me?.ban && !(me && !me.canComment);
  const known = !!me || failed;
  // A reader who starts using the server's form before the personal layer is here gets it drawn at once.
  const [requested, setRequested] = useState(false);
  const submitAfter = useRef(false);
  // Drawn once the reader is known to get the form and its code is here (at once on the server).
  const [drawn, setDrawn] = useState(() => typeof window === "undefined");
  const ready = wantsForm && (known || requested) && !!Form;
  useEffect(() => {
    if (!wantsForm || !(known || requested)) return;
    formModule.load().catch(() => {
      // No code: a send waiting for it goes as it would without JavaScript.
      if (submitAfter.current) box.current?.querySelector("form")?.submit();
    });
  }, [wantsForm, known, requested]);
  // While the server's form stands, a send waits for React's (it posts through the API and shows the comment at once).
  useEffect(() => {
    const el = box.current;
    if (drawn || !el) return;
    const onFocus = () => setRequested(true);
    const onSubmit = (e: Event) => {
      e.preventDefault();
      submitAfter.current = true;
      setRequested(true);
    };
    el.addEventListener("focusin", onFocus);
    el.addEventListener("submit", onSubmit);
    return () => {
      el.removeEventListener("focusin", onFocus);
      el.removeEventListener("submit", onSubmit);
    };
  }, [drawn]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- drawn after hydration: the server's form stands until then
    if (ready && !drawn) setDrawn(true);
  }, [ready, drawn]);
  useLayoutEffect(() => {
    if (!drawn || !box.current) return;
    if (!submitAfter.current) return;
    submitAfter.current = false;
    const form = box.current.querySelector("form");
    setTimeout(() => form?.requestSubmit(), 0);
  }, [drawn]);

  let body;
  if (me && !me.viewer) {
    body = (
      <div className="flex min-h-56 flex-col justify-center rounded-md border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
        <p>
          <a
            href={signInHref(`/articles/${slug}#comments`)}
            className="font-medium text-accent-700 underline dark:text-accent-300"
          >
            Sign in to comment
          </a>
        </p>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          No account yet?{" "}
          <Link href="/signup" className="underline">
            Create one
          </Link>{" "}
          — it takes a name, an email and a password.
        </p>
      </div>
    );
  } else if (me?.ban) {
    body = (
      <p
        role="note"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
      >
        {me.ban.notice}
      </p>
    );
  } else if (me && !me.canComment) {
    body = <p className="text-sm text-zinc-700 dark:text-zinc-300">Comments are closed on this article.</p>;
  } else if (Form && drawn) {
    body = <Form.CommentForm slug={slug} label="Comment" submitLabel="Post comment" />;
  } else {
    // The server's form, untouched by React until it is drawn (not compared while hydrating).
    return (
      <KeepAcrossRedraw drawn={false} box={box}>
        <div ref={box} className="min-h-56" dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />
      </KeepAcrossRedraw>
    );
  }
  return (
    <KeepAcrossRedraw drawn={drawn} box={box}>
      <div ref={box} className="min-h-56">
        {body}
      </div>
    </KeepAcrossRedraw>
  );
}
