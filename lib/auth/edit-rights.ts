import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { isBanned } from "./is-banned";
import type { Viewer } from "./viewer";

// The edit window, in one place: an author edits a comment or a public note for `editWindowMs`
// after posting (a private note at any time). Lists hand each item's rights to the UI, which shows
// Edit from `canEdit` and never recomputes the window; the writes check it again here.
type Editable = { authorId: string | null; createdAt: Date; status: string; audience?: string };
export type EditRights = { canEdit: boolean; editableUntil: Date | null };

/** Whether `viewer` may edit `item` now, and until when (null: no deadline, or no right at all). */
export function editRights(viewer: Viewer | null, item: Editable, editWindowMs: number, now = clock.now()): EditRights {
  if (!viewer || item.authorId !== viewer.id || item.status === "deleted" || isBanned(viewer, now))
    return { canEdit: false, editableUntil: null };
  if (item.audience === "private") return { canEdit: true, editableUntil: null };
  const until = new Date(item.createdAt.getTime() + editWindowMs);
  return until >= now ? { canEdit: true, editableUntil: until } : { canEdit: false, editableUntil: null };
}

/** Refuses an edit after the window (the author is already known to be the viewer). */
export function requireEditWindow(
  item: Omit<Editable, "authorId" | "status">,
  editWindowMs: number,
  what: "Comments" | "Notes",
) {
  if (item.audience === "private") return;
  if (clock.now().getTime() - item.createdAt.getTime() > editWindowMs)
    throw new AppError(
      "forbidden",
      `${what} can be edited for ${Math.round(editWindowMs / 60_000)} minutes after posting; this one can no longer be edited.`,
    );
}

/** `editableUntil` as the JSON APIs write it. */
export const rightsJson = (r: Partial<EditRights>) =>
  r.canEdit === undefined ? {} : { canEdit: r.canEdit, editableUntil: r.editableUntil?.toISOString() ?? null };
