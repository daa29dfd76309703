"use client";
import { usePersonalState } from "@/components/personal/personal-store";
import { useLoadedWhenIdle } from "@/components/ui/when-idle";
import type { NoteData } from "../model/note-data";

type Props = { slug: string; notes: NoteData[]; open: boolean; editWindowMs: number; linkHoldThreshold: number };

// The plain list of the server HTML: a synchronous module on the server, left out of the browser's
// bundle (`typeof window` is a build-time constant there).
const Fallback: typeof import("./notes-fallback").NotesFallback | null =
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- the browser's bundle drops this branch
      (require("./notes-fallback") as typeof import("./notes-fallback")).NotesFallback
    : null;

// The article's public notes as a plain list (the server HTML — the same for every viewer — and
// all a reader without JavaScript gets), then the margin UI once its code and the reader's
// personal layer have arrived: who they are, whether they may write (a ban), and their own
// private notes, highlights and held notes, merged with the public ones. The anchoring, margin
// and selection code is fetched after the page has hydrated, so it is not part of the article's
// first-load JavaScript: the text is readable and the list usable before it arrives. Neither is
// the list's: the browser keeps the server's HTML of it until the margin UI draws its own.
export function AnnotationsLoader(props: Props) {
  // Once the browser is idle: not in hydration's task (the chunk brings a stylesheet, which restyles
  // the page). Without it the notes stay a list.
  const margin = useLoadedWhenIdle(() => import("./annotations-margin"));
  const { slug, notes, open, editWindowMs, linkHoldThreshold } = props;
  const personal = usePersonalState(slug);
  const me = personal.data;
  const settled = !!me || personal.failed;
  if (margin && settled) {
    return (
      <margin.AnnotationsMargin
        slug={slug}
        notes={notes}
        me={me}
        open={open}
        editWindowMs={editWindowMs}
        linkHoldThreshold={linkHoldThreshold}
      />
    );
  }

  // The list (server HTML) stays as the server drew it until the margin UI replaces it: its
  // code is the server's alone (notes-fallback.tsx), not part of the page's first-load JavaScript.
  if (Fallback)
    return <Fallback slug={slug} notes={notes} editWindowMs={editWindowMs} linkHoldThreshold={linkHoldThreshold} />;
  return (
    <section
      id="notes"
      aria-labelledby="notes-title"
      className="mt-14 scroll-mt-8 border-t border-zinc-200 pt-8 dark:border-zinc-800"
      // Not compared while hydrating, and left as it is: React does not own this element's content.
      dangerouslySetInnerHTML={{ __html: "" }}
      suppressHydrationWarning
    />
  );
}
