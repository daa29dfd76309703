"use client";
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";

// Moves focus to the comment named in the URL hash (after posting, or from a permalink).
export function CommentFocus({ signature }: { signature: string }) {
  const params = useSearchParams();
  useEffect(() => {
    const focus = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      if (!/^(comment|annotation)-/.test(id)) return;
      const el = document.getElementById(id);
      if (!el) return;
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    };
    focus();
    addEventListener("hashchange", focus);
    return () => removeEventListener("hashchange", focus);
  }, [params, signature]);
  return null;
}
