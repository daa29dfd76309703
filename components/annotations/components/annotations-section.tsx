import { annotationJson } from "@/lib/annotations/annotation-json";
import { listPublicNotes } from "@/lib/annotations/list-public-notes";
import { getSettings } from "@/lib/settings/get-settings";
import { noteFromJson } from "../model/note-data";
import { AnnotationsLoader } from "./annotations-loader";

// The article's public notes, read on the server so the list works without JavaScript. The page is
// the same for every viewer (cached and shared): a signed-in reader's own private notes,
// highlights and held notes, and what they may do, come from the personal layer after hydration.
// (The same rows place the density bar and the readers' labels: listPublicNotes reads them once.)
export async function AnnotationsSection({ slug }: { slug: string }) {
  const { rows, open } = await listPublicNotes(slug);
  const notes = rows.map((row) => noteFromJson(annotationJson(row, { withContext: false })));
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
