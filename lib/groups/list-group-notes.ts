import { visibleAnnotations } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { groupNoteFields, groupNoteItem, newestGroupNotesFirst } from "./group-note-fields";

/** A group's newest notes (its page: each links to its passage; the owner removes from here). */
export async function listGroupNotes(viewer: Viewer, groupId: string, take = 50) {
  const rows = await db.annotation.findMany({
    where: { groupId, audience: "group", status: "approved", AND: [visibleAnnotations(viewer)] },
    orderBy: newestGroupNotesFirst,
    take,
    select: { ...groupNoteFields, parentId: true },
  });
  return rows.map((r) => ({ ...groupNoteItem(r), isReply: !!r.parentId, authorId: r.author?.id ?? null }));
}
