import { annotationJson } from "@/lib/annotations/annotation-json";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { getSettings } from "@/lib/settings/get-settings";
import { type NoteData, noteFromJson } from "../model/note-data";
import { AnnotationsLoader } from "./annotations-loader";

// An article's notes up to 10,000 reach the margin (the browser bench anchors and paints 10,000).
const maxNotes = 10_000;

// The article's public notes, read on the server so the list works without JavaScript. The page is
// the same for every viewer (cached and shared): a signed-in reader's own private notes,
// highlights and held notes, and what they may do, come from the personal layer after hydration.
export async function AnnotationsSection({ slug }: { slug: string }) {
  const notes: NoteData[] = [];
  let cursor: string | null = null;
  let open = false;
  do {
    const page = await listAnnotations(null, slug, { cursor, take: 1_000 });
    open = page.article.annotationsOpen;
    for (const row of page.annotations) notes.push(noteFromJson(annotationJson(row, { withContext: false })));
    cursor = page.next;
  } while (cursor && notes.length < maxNotes);
  const { editWindowMs, linkHoldThreshold } = await getSettings();
  return (
    <AnnotationsLoader
      slug={slug}
      notes={notes}
      open={open}
      editWindowMs={editWindowMs}
      linkHoldThreshold={linkHoldThreshold}
    />
  );
}
