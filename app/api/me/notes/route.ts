import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { exportMyNotes } from "@/lib/notes/export-my-notes";
import { listMyNotes } from "@/lib/notes/list-my-notes";
import { myNoteJson } from "@/lib/notes/my-note-json";
import { noteExportFormatSchema } from "@/lib/validation/note";
import { parseInput } from "@/lib/validation/parse-input";

const personal = { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" };

// Everything the viewer wrote, newest first: {items, next} (filters: article, tag, visibility,
// group, q, replies). With `format=jsonld|md|csv`: all of it (as filtered) as a file to download.
export const GET = apiRoute(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const query = Object.fromEntries(params);
  const viewer = await getViewer(request.headers);
  if (params.has("format")) {
    const format = parseInput(noteExportFormatSchema, params.get("format"), { field: "format" });
    const { format: _, ...filters } = query;
    const file = await exportMyNotes(viewer, format, filters);
    return new Response(file.body, {
      headers: {
        ...personal,
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      },
    });
  }
  const { notes, next } = await listMyNotes(viewer, query);
  return json({ items: notes.map(myNoteJson), next }, { headers: personal });
});
