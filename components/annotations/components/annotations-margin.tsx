"use client";
import { useMemo } from "react";
import type { Personal } from "@/components/personal/personal-store";
import { type NoteData, noteFromJson } from "../model/note-data";
import { AnnotationsClient } from "./annotations-client";

type Props = {
  slug: string;
  notes: NoteData[];
  me: Personal | null;
  open: boolean;
  editWindowMs: number;
  linkHoldThreshold: number;
};

/**
 * The margin UI with the reader's personal layer merged in: their own private notes, highlights
 * and held notes beside the public ones, and their edit rights. Loaded after hydration with the
 * margin's code (annotations-loader.tsx), so none of it is in the page's first-load JavaScript.
 */
export function AnnotationsMargin({ slug, notes, me, open, editWindowMs, linkHoldThreshold }: Props) {
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
  return (
    <AnnotationsClient
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
