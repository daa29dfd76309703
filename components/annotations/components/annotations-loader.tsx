"use client";
import { useEffect, useMemo, useState } from "react";
import { usePersonalState } from "@/components/personal/personal-store";
import { buildThreads, type NoteData, noteFromJson } from "../model/note-data";
import { noteTotal, storedListing } from "../model/passages";
import type { AnnotationsClient } from "./annotations-client";
import { type NotesApi, NotesContext } from "./notes-context";
import { NotesListing } from "./notes-listing";

type Props = { slug: string; notes: NoteData[]; open: boolean; editWindowMs: number; linkHoldThreshold: number };

const refused = async () => "The page is still loading: try again in a moment.";

// The article's public notes as a plain list (the server HTML — the same for every viewer — and
// all a reader without JavaScript gets), then the margin UI once its code and the reader's
// personal layer have arrived: who they are, whether they may write (a ban), and their own
// private notes, highlights and held notes, merged with the public ones. The anchoring, margin
// and selection code is fetched after the page has hydrated, so it is not part of the article's
// first-load JavaScript: the text is readable and the list usable before it arrives.
export function AnnotationsLoader(props: Props) {
  const [Client, setClient] = useState<typeof AnnotationsClient | null>(null);
  useEffect(() => {
    let live = true;
    import("./annotations-client").then(
      (m) => {
        if (live) setClient(() => m.AnnotationsClient);
      },
      () => {
        /* stays a list */
      },
    );
    return () => {
      live = false;
    };
  }, []);
  const { slug, notes, open, editWindowMs, linkHoldThreshold } = props;
  const personal = usePersonalState(slug);
  const me = personal.data;
  const settled = !!me || personal.failed;
  const allNotes = useMemo(() => {
    if (!me?.notes.length && !me?.noteRights.length) return notes;
    const own = me.notes.map((n) => noteFromJson(n as Record<string, unknown>));
    const ids = new Set(own.map((n) => n.id));
    // Edit rights come with the personal layer (the shared page's notes carry none).
    const rights = new Map(me.noteRights.map((r) => [r.id, r]));
    const withRights = (n: NoteData): NoteData => {
      const r = rights.get(n.id);
      return r ? { ...n, canEdit: r.canEdit, editableUntil: r.editableUntil } : n;
    };
    return [...notes.filter((n) => !ids.has(n.id)), ...own].map(withRights);
  }, [notes, me]);
  const viewer = me?.viewer ? { id: me.viewer.id, name: me.viewer.name } : null;
  const banNotice = me?.ban?.notice ?? null;
  const canWrite = open && !banNotice && (me ? me.canAnnotate : true);
  const threads = useMemo(() => buildThreads(notes), [notes]);
  if (Client && settled) {
    return (
      <Client
        slug={slug}
        notes={allNotes}
        viewer={viewer}
        canWrite={canWrite}
        banNotice={banNotice}
        editWindowMs={editWindowMs}
        linkHoldThreshold={linkHoldThreshold}
        groups={me?.groups ?? []}
      />
    );
  }

  const api: NotesApi = {
    slug,
    viewer: null,
    canWrite: false,
    banNotice: null,
    editWindowMs,
    linkHoldThreshold,
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
