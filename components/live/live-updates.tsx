"use client";
import { type ComponentType, useEffect, useState } from "react";
import { whenIdle } from "@/components/ui/when-idle";

// The article's live updates (lib/live): the stream and its small UI are fetched after the page
// has hydrated, like the margin notes, so they add next to nothing to the first-load JavaScript.
export function LiveUpdates({ slug }: { slug: string }) {
  const [Client, setClient] = useState<ComponentType<{ slug: string }> | null>(null);
  useEffect(() => {
    let on = true;
    const cancel = whenIdle(() =>
      import("./live-client").then(
        (m) => {
          if (on) setClient(() => m.LiveClient);
        },
        () => {
          /* the page simply is not live */
        },
      ),
    );
    return () => {
      on = false;
      cancel();
    };
  }, []);
  return Client ? <Client slug={slug} /> : null;
}
