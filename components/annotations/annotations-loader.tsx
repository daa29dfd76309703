"use client";
import { useEffect, useMemo, useState } from "react";
import type { AnnotationsClient } from "./annotations-client";
import { buildThreads, type NoteData, type ViewerInfo } from "./note-data";
import { NotesContext, type NotesApi } from "./notes-context";
import { NotesListing } from "./notes-listing";
import { noteTotal, storedListing } from "./passages";

type Props = { slug: string; notes: NoteData[]; viewer: ViewerInfo | null; canWrite: boolean; banNotice: string | null; editWindowMs: number; linkHoldThreshold: number };

const refused = async () => "The page is still loading: try again in a moment.";

// The article's notes as a plain list (the server HTML, and all a reader without JavaScript
// gets), then the margin UI once its code has loaded. The anchoring, margin and selection code
// is fetched after the page has hydrated, so it is not part of the article's first-load
// JavaScript: the text is readable and the list usable before it arrives.
export function AnnotationsLoader(props: Props) {
  const [Client, setClient] = useState<typeof AnnotationsClient | null>(null);
  useEffect(() => {
    let live = true;
    import("./annotations-client").then((m) => { if (live) setClient(() => m.AnnotationsClient); }, () => { /* stays a list */ });
    return () => { live = false; };
  }, []);

  const { slug, notes, viewer, canWrite, banNotice, editWindowMs, linkHoldThreshold } = props;
  const threads = useMemo(() => buildThreads(notes), [notes]);
  if (Client) return <Client {...props} />;

  const api: NotesApi = {
    slug, viewer, canWrite, banNotice, editWindowMs, linkHoldThreshold, interactive: false, activeId: null,
    reply: refused, edit: refused, remove: refused, report: refused, showPassage: () => {}, activate: () => {},
    startReattach: () => {}, reattachingId: null,
  };
  const { anchored, orphaned } = storedListing(threads);
  return (
    <NotesContext.Provider value={api}>
      <NotesListing anchored={anchored} orphaned={orphaned} total={noteTotal(threads)} idsFor={() => true} />
    </NotesContext.Provider>
  );
}
