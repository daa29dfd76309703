import type { Viewer } from "@/lib/auth/viewer";
import { banNotice, viewerBan } from "@/lib/auth/can-contribute";
import { annotationJson } from "@/lib/annotations/annotation-json";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { getSettings } from "@/lib/settings/get-settings";
import { AnnotationsLoader } from "./annotations-loader";
import { noteFromJson, type NoteData } from "./note-data";

// An article's notes up to 10,000 reach the margin (the browser bench anchors and paints 10,000).
const maxNotes = 10_000;

// The article's notes that the viewer may see (public ones; their own private and pending ones
// too when signed in), read on the server so the list works without JavaScript. Anonymous
// pages are cached whole, so the viewer reaches the client only from signed-in renders.
export async function AnnotationsSection({ slug, viewer }: { slug: string; viewer: Viewer | null }) {
  const notes: NoteData[] = [];
  let cursor: string | null = null;
  let open = false;
  do {
    const page = await listAnnotations(viewer, slug, { cursor, take: 1_000 });
    open = page.article.annotationsOpen;
    for (const row of page.annotations) notes.push(noteFromJson(annotationJson(row, { withContext: false })));
    cursor = page.next;
  } while (cursor && notes.length < maxNotes);
  const [{ editWindowMs, linkHoldThreshold }, ban] = await Promise.all([getSettings(), viewerBan(viewer)]);
  // A banned reader reads on: no Annotate/Highlight, Reply, Report, Edit or Re-attach, and the notice instead.
  const notice = ban ? banNotice(ban) : null;
  return (
    <AnnotationsLoader slug={slug} notes={notes} viewer={viewer ? { id: viewer.id, name: viewer.name } : null}
      canWrite={open && !notice} banNotice={notice} editWindowMs={editWindowMs} linkHoldThreshold={linkHoldThreshold} />
  );
}
