"use client";
import { useState } from "react";
import { usePersonal } from "@/components/personal/personal-store";

// "Follow discussion" / "Following" beside the Comments heading: per viewer, so it comes from the
// page's personal layer (the shared HTML has only a reserved, empty slot).
export function FollowButton({ slug }: { slug: string }) {
  const personal = usePersonal(slug);
  // What the reader chose on this page; until then, what the personal layer says.
  const [chosen, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const following = chosen ?? personal?.following ?? null;
  if (!personal?.viewer || following === null) return <span className="inline-block h-8" aria-hidden="true" />;
  async function toggle() {
    const next = !following;
    setBusy(true);
    setMessage("");
    try {
      const response = await fetch(`/api/articles/${encodeURIComponent(slug)}/subscription`, {
        method: next ? "PUT" : "DELETE",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      setFollowing(next);
      setMessage(
        next
          ? "You follow this discussion: new comments will be in your notifications."
          : "You no longer follow this discussion.",
      );
    } catch {
      setMessage("That did not work. Please try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        className={`rounded-md border px-3 py-1 text-sm font-medium disabled:opacity-60 ${following ? "border-accent-700 bg-accent-700 text-white dark:border-accent-300 dark:bg-accent-300 dark:text-zinc-950" : "border-zinc-400 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"}`}
      >
        {following ? "Following" : "Follow discussion"}
      </button>
      <span role="status" className="sr-only">
        {message}
      </span>
    </span>
  );
}
