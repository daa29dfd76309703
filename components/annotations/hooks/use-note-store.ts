"use client";
import { useCallback, useEffect, useState } from "react";
import { type LiveNoteDetail, liveNoteEvent, liveNotePlacedEvent } from "@/components/live/live-note-event";
import { heldMessage } from "@/lib/moderation/explain-hold";
import { reportThanks } from "@/lib/moderation/report-thanks";
import {
  annotationsBase,
  createReply,
  deleteNote,
  editNote,
  getNote,
  removeGroupNote,
  reportNote,
  resolveNote,
} from "../api/annotation-api";
import { type NoteData, noteFromJson } from "../model/note-data";

/** The notes on the page and the edits a reader makes to them through the API. */
export function useNoteStore(
  slug: string,
  initial: NoteData[],
  announce: (message: string) => void,
  reveal: (id: string) => void,
  linkHoldThreshold: number,
  base = annotationsBase,
) {
  const [notes, setNotes] = useState(initial);

  const put = useCallback((json: Record<string, unknown>) => {
    const note = noteFromJson(json);
    setNotes((all) => [...all.filter((n) => n.id !== note.id), note]);
    return note;
  }, []);

  const reply = useCallback(
    async (parentId: string, text: string) => {
      const r = await createReply(slug, parentId, text, base);
      if (!r.ok) return r.message;
      const note = put(r.data);
      announce(r.status === 202 ? heldMessage(note.reasons, linkHoldThreshold) : "Reply posted.");
      reveal(note.id);
      return null;
    },
    [slug, put, announce, reveal, linkHoldThreshold, base],
  );

  const edit = useCallback(
    async (id: string, text: string, tags: string[]) => {
      const r = await editNote(slug, id, text, tags, base);
      if (!r.ok) return r.message;
      put(r.data);
      announce("Changes saved.");
      reveal(id);
      return null;
    },
    [slug, put, announce, reveal, base],
  );

  const resolve = useCallback(
    async (id: string, resolved: boolean) => {
      const r = await resolveNote(slug, id, resolved, base);
      if (!r.ok) return r.message;
      put(r.data);
      announce(resolved ? "Marked resolved." : "Opened again.");
      return null;
    },
    [slug, put, announce, base],
  );

  const remove = useCallback(
    async (id: string) => {
      const r = await deleteNote(slug, id, base);
      if (!r.ok) return r.message;
      setNotes((all) =>
        all.map((n) => (n.id === id ? { ...n, status: "deleted", html: null, body: "", tags: [] } : n)),
      );
      announce("Deleted.");
      return null;
    },
    [slug, announce, base],
  );

  const removeFromGroup = useCallback(
    async (id: string, groupId: string) => {
      const r = await removeGroupNote(groupId, id);
      if (!r.ok) return r.message;
      setNotes((all) => all.filter((n) => n.id !== id));
      announce("Removed from the group.");
      return null;
    },
    [announce],
  );

  const report = useCallback(
    async (id: string, reason: string, group = false) => {
      const r = await reportNote(slug, id, reason);
      if (!r.ok) return { ok: false, message: r.message };
      // A group note's report goes to people, never to the hiding threshold (issue 19).
      if (group) return { ok: true, message: "Thank you: the group's owner will look at this note." };
      // `counted: false`: an unconfirmed account's report is stored but weighs nothing yet.
      return { ok: true, message: reportThanks("note", r.data.counted !== false) };
    },
    [slug],
  );

  // Live updates (components/live): a new or edited note is fetched and placed; a removed one goes.
  useEffect(() => {
    const gone = (id: string) =>
      setNotes((all) =>
        all.map((n) => (n.id === id ? { ...n, status: "deleted", html: null, body: "", tags: [] } : n)),
      );
    const onChange = async (e: Event) => {
      const { action, id } = (e as CustomEvent<LiveNoteDetail>).detail;
      if (action === "removed") return gone(id);
      const r = await getNote(slug, id, base);
      if (r.ok) put(r.data);
      if (r.ok && action === "created") dispatchEvent(new CustomEvent(liveNotePlacedEvent, { detail: r.data }));
      else if (r.status === 404) gone(id);
    };
    addEventListener(liveNoteEvent, onChange);
    return () => removeEventListener(liveNoteEvent, onChange);
  }, [slug, put, base]);

  return { notes, put, reply, edit, remove, removeFromGroup, report, resolve };
}
