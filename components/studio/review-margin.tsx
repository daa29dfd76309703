"use client";
import { useEffect, useState } from "react";
import type { AnnotationsClient } from "@/components/annotations/components/annotations-client";
import { NotesContext, readOnlyNotesApi, stillLoading } from "@/components/annotations/components/notes-context";
import { NotesListing } from "@/components/annotations/components/notes-listing";
import { buildThreads, type NoteData, type ViewerInfo } from "@/components/annotations/model/note-data";
import { noteTotal, storedListing } from "@/components/annotations/model/passages";

type Props = { slug: string; notes: NoteData[]; viewer: ViewerInfo; canWrite: boolean };

// The review notes of a draft in the studio: the reader's margin UI (components/annotations) on the
// desk's own container, /api/reviews/<slug>/. A plain list until its code has loaded.
export function ReviewMargin({ slug, notes, viewer, canWrite }: Props) {
  const [Client, setClient] = useState<typeof AnnotationsClient | null>(null);
  useEffect(() => {
    let live = true;
    import("@/components/annotations/components/annotations-client").then(
      (m) => {
        if (live) setClient(() => m.AnnotationsClient);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  if (Client)
    return (
      <Client
        slug={slug}
        notes={notes}
        viewer={viewer}
        canWrite={canWrite}
        banNotice={null}
        editWindowMs={0}
        linkHoldThreshold={0}
        container="/api/reviews/"
      />
    );
  const api = readOnlyNotesApi(slug, { editWindowMs: 0, linkHoldThreshold: 0 }, { review: { resolve: stillLoading } });
  const { anchored, orphaned } = storedListing(buildThreads(notes));
  return (
    <NotesContext.Provider value={api}>
      <NotesListing
        anchored={anchored}
        orphaned={orphaned}
        total={noteTotal(buildThreads(notes))}
        idsFor={() => true}
      />
    </NotesContext.Provider>
  );
}
