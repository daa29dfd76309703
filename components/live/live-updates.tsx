"use client";
import { useLoadedWhenIdle } from "@/components/ui/when-idle";

// The article's live updates (lib/live): the stream and its small UI are fetched after the page
// has hydrated, like the margin notes, so they add next to nothing to the first-load JavaScript.
export function LiveUpdates({ slug }: { slug: string }) {
  // Without its code the page simply is not live.
  const code = useLoadedWhenIdle(() => import("./live-client"));
  return code ? <code.LiveClient slug={slug} /> : null;
}
