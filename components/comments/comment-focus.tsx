"use client";
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { useThreadsHydrated } from "./threads-wake";

// Moves focus to the comment named in the URL hash (after posting, or from a permalink). Again once
// the threads are drawn: a long list's server HTML carries its later comments in <noscript>
// (components/comments/inert-cut.ts), so such a comment exists only after the list wakes.
export function CommentFocus({ signature }: { signature: string }) {
  const params = useSearchParams();
  const threadsDrawn = useThreadsHydrated();
  useEffect(() => {
    const focus = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      if (!/^(comment|annotation)-/.test(id)) return;
      const el = document.getElementById(id);
      if (!el) return;
      // Drawn after the browser looked for it: it is not the document's :target, so it is marked
      // as one (globals.css gives both the same highlight).
      for (const old of document.querySelectorAll("[data-hash-target]")) old.removeAttribute("data-hash-target");
      if (!el.matches(":target")) el.setAttribute("data-hash-target", "");
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    };
    focus();
    addEventListener("hashchange", focus);
    return () => removeEventListener("hashchange", focus);
  }, [params, signature, threadsDrawn]);
  return null;
}
