"use client";
import { useCallback, useEffect, useState } from "react";
import { liveNoteEvent, type LiveNoteDetail } from "@/components/live/live-note-event";
import { createReply, deleteNote, editNote, getNote, reportNote } from "../api/annotation-api";
import { heldMessage } from "@/lib/moderation/explain-hold";
import { noteFromJson, type NoteData } from "../model/note-data";

/** The notes on the page and the edits a reader makes to them through the API. */
export function useNoteStore(slug: string, initial: NoteData[], announce: (message: string) => void, reveal: (id: string) => void, linkHoldThreshold: number) {
  const [notes, setNotes] = useState(initial);

  const put = useCallback((json: Record<string, unknown>) => {
    const note = noteFromJson(json);
    setNotes((all) => [...all.filter((n) => n.id !== note.id), note]);
    return note;
  }, []);

  const reply = useCallback(async (parentId: string, text: string) => {
    const r = await createReply(slug, parentId, text);
    if (!r.ok) return r.message;
    const note = put(r.data);
    announce(r.status === 202 ? heldMessage(note.reasons, linkHoldThreshold) : "Reply posted.");
    reveal(note.id);
    return null;
  }, [slug, put, announce, reveal, linkHoldThreshold]);

  const edit = useCallback(async (id: string, text: string, tags: string[]) => {
    const r = await editNote(slug, id, text, tags);
    if (!r.ok) return r.message;
    put(r.data);
    announce("Changes saved.");
    reveal(id);
    return null;
  }, [slug, put, announce, reveal]);

  const remove = useCallback(async (id: string) => {
    const r = await deleteNote(slug, id);
    if (!r.ok) return r.message;
    setNotes((all) => all.map((n) => (n.id === id ? { ...n, status: "deleted", html: null, body: "", tags: [] } : n)));
    announce("Deleted.");
    return null;
  }, [slug, announce]);

  const report = useCallback(async (id: string, reason: string) => {
    const r = await reportNote(slug, id, reason);
    return r.ok ? null : r.message;
  }, [slug]);

  // Live updates (components/live): a new or edited note is fetched and placed; a removed one goes.
  useEffect(() => {
    const gone = (id: string) => setNotes((all) => all.map((n) => (n.id === id ? { ...n, status: "deleted", html: null, body: "", tags: [] } : n)));
    const onChange = async (e: Event) => {
      const { action, id } = (e as CustomEvent<LiveNoteDetail>).detail;
      if (action === "removed") return gone(id);
      const r = await getNote(slug, id);
      if (r.ok) put(r.data);
      else if (r.status === 404) gone(id);
    };
    addEventListener(liveNoteEvent, onChange);
    return () => removeEventListener(liveNoteEvent, onChange);
  }, [slug, put]);

  return { notes, put, reply, edit, remove, report };
}
