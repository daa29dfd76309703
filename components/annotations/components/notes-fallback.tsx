import { useMemo } from "react";
import { buildThreads, type NoteData } from "../model/note-data";
import { noteTotal, storedListing } from "../model/passages";
import { type NotesApi, NotesContext } from "./notes-context";
import { NotesListing } from "./notes-listing";

const refused = async () => "The page is still loading: try again in a moment.";

/**
 * The public notes as a plain list, for the server HTML only (annotations-loader.tsx): what a
 * reader without JavaScript gets, and what the browser shows, untouched, until the margin UI
 * (which draws its own list) arrives.
 */
export function NotesFallback(p: { slug: string; notes: NoteData[]; editWindowMs: number; linkHoldThreshold: number }) {
  const threads = useMemo(() => buildThreads(p.notes), [p.notes]);
  const api: NotesApi = {
    slug: p.slug,
    viewer: null,
    canWrite: false,
    banNotice: null,
    editWindowMs: p.editWindowMs,
    linkHoldThreshold: p.linkHoldThreshold,
    interactive: false,
    activeId: null,
    reply: refused,
    edit: refused,
    remove: refused,
    report: async () => ({ ok: false, message: await refused() }),
    showPassage: () => {},
    activate: () => {},
    startReattach: () => {},
    reattachingId: null,
  };
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
