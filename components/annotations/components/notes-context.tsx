"use client";
import { createContext, useContext } from "react";
import type { GroupChoice, ViewerInfo } from "../model/note-data";

/** Everything a note card needs from the page: who reads, what they may do, and the actions. */
export type NotesApi = {
  slug: string;
  viewer: ViewerInfo | null;
  canWrite: boolean;
  /** Set while the viewer is banned: what they are told where they would write (no write controls then). */
  banNotice: string | null;
  /** For explaining a "links" hold to its author. */
  linkHoldThreshold: number;
  editWindowMs: number;
  /** False in the server HTML (and without JavaScript): cards show no buttons then. */
  interactive: boolean;
  activeId: string | null;
  /** The note whose passage the pointer is on in the text (lit with it); absent where nothing tracks it. */
  hoveredId?: string | null;
  reply(parentId: string, text: string): Promise<string | null>;
  edit(id: string, text: string, tags: string[]): Promise<string | null>;
  remove(id: string): Promise<string | null>;
  /** A report: the thanks to show (it says when an unconfirmed reporter's report does not count yet), or the refusal. */
  report(id: string, reason: string, group?: boolean): Promise<{ ok: boolean; message: string }>;
  showPassage(threadId: string): void;
  /** Starts re-attaching an orphaned note: the reader then selects its new passage. */
  startReattach(threadId: string): void;
  /** The note being re-attached, if any. */
  reattachingId: string | null;
  activate(threadId: string | null): void;
  /** The viewer's groups (names for group notes' badges); absent or empty for most readers. */
  groups?: GroupChoice[];
  /** A group's owner removes a note written in it (the personal layer says which groups they run). */
  removeFromGroup?(id: string, groupId: string): Promise<string | null>;
  /** The studio's review margin (the editorial desk): no reports or re-attach, resolve instead, links in the page. */
  review?: { resolve(id: string, resolved: boolean): Promise<string | null> };
};

export const NotesContext = createContext<NotesApi | null>(null);

/** What an action answers while the notes UI has not loaded yet. */
export const stillLoading = async () => "The page is still loading: try again in a moment.";

/**
 * The notes of a plain list drawn before the margin UI's code has loaded (and for readers without
 * JavaScript): no viewer, no buttons, and every action refused with a message until the UI arrives.
 */
export function readOnlyNotesApi(
  slug: string,
  rules: { editWindowMs: number; linkHoldThreshold: number },
  extra: Partial<NotesApi> = {},
): NotesApi {
  return {
    slug,
    viewer: null,
    canWrite: false,
    banNotice: null,
    editWindowMs: rules.editWindowMs,
    linkHoldThreshold: rules.linkHoldThreshold,
    interactive: false,
    activeId: null,
    reply: stillLoading,
    edit: stillLoading,
    remove: stillLoading,
    report: async () => ({ ok: false, message: await stillLoading() }),
    showPassage: () => {},
    activate: () => {},
    startReattach: () => {},
    reattachingId: null,
    ...extra,
  };
}

export function useNotes(): NotesApi {
  const api = useContext(NotesContext);
  if (!api) throw new Error("useNotes outside NotesContext");
  return api;
}
