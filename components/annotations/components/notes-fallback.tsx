import { useMemo } from "react";
import { buildThreads, type NoteData } from "../model/note-data";
import { noteTotal, storedListing } from "../model/passages";
import { NotesContext, readOnlyNotesApi } from "./notes-context";
import { NotesListing } from "./notes-listing";

/**
 * The public notes as a plain list, for the server HTML only (annotations-loader.tsx): what a
 * reader without JavaScript gets, and what the browser shows, untouched, until the margin UI
 * (which draws its own list) arrives.
 */
export function NotesFallback(p: { slug: string; notes: NoteData[]; editWindowMs: number; linkHoldThreshold: number }) {
  const threads = useMemo(() => buildThreads(p.notes), [p.notes]);
  const api = readOnlyNotesApi(p.slug, p);
  const { page, anchored, orphaned } = storedListing(threads);
  return (
    <NotesContext.Provider value={api}>
      <NotesListing
        page={page}
        anchored={anchored}
        orphaned={orphaned}
        total={noteTotal(threads)}
        idsFor={() => true}
      />
    </NotesContext.Provider>
  );
}
