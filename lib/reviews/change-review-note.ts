import { interpretAnnotation } from "@/lib/annotations/interpret-annotation";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { asReviewInput } from "./create-review-note";
import { getReviewNote } from "./list-review-notes";
import { reviewEtag, reviewNoteFields } from "./review-note-json";

const stale = () =>
  new AppError("precondition_failed", "This review note changed since you loaded it; reload and try again.");

async function findNote(viewer: Viewer | null, slug: string, id: unknown, ifMatch: string | null | undefined) {
  const me = await requirePermission(viewer, "reviews.comment").catch(() => {
    throw new AppError("not_found", "No such review note.");
  });
  const { row } = await getReviewNote(me, slug, id);
  if (ifMatch && ifMatch !== "*" && ifMatch !== reviewEtag(row)) throw stale();
  return { me, row };
}

/**
 * PUT on a review note: its author changes its text; anyone who sees the notes (the board, the
 * article's author) marks a top-level note resolved (`"resolved": true`) or open again. The anchor
 * is the server's: it follows the draft, a PUT never moves it. If-Match guards against a stale copy.
 */
export async function updateReviewNote(
  viewer: Viewer | null,
  slug: string,
  id: unknown,
  raw: unknown,
  ifMatch?: string | null,
) {
  const { me, row } = await findNote(viewer, slug, id, ifMatch);
  const a = interpretAnnotation(asReviewInput(raw));
  const resolvedAsked =
    raw && typeof raw === "object" && "resolved" in raw ? (raw as { resolved: unknown }).resolved : undefined;
  if (resolvedAsked !== undefined && typeof resolvedAsked !== "boolean")
    throw new AppError("bad_request", "resolved must be true or false.", { resolved: "true or false." });
  if (resolvedAsked !== undefined && row.parentId)
    throw new AppError("bad_request", "Only a note, not a reply, is resolved.", {
      resolved: "Replies are not resolved.",
    });
  const textChanged = a.note !== row.body;
  if (textChanged && row.authorId !== me.id)
    throw new AppError("forbidden", "Only its author can change a review note's text.");
  if (textChanged && !a.note)
    throw new AppError("bad_request", "A note cannot be empty; delete it instead.", { body: "Write something." });
  const resolvedChanged = resolvedAsked !== undefined && resolvedAsked !== !!row.resolvedAt;
  if (!textChanged && !resolvedChanged) return row;
  const now = clock.now();
  const { count } = await db.reviewNote.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      ...(textChanged ? { body: a.note, html: renderSafeMarkdown(a.note), editedAt: now } : {}),
      ...(resolvedChanged
        ? resolvedAsked
          ? { resolvedAt: now, resolvedById: me.id }
          : { resolvedAt: null, resolvedById: null }
        : {}),
      version: { increment: 1 },
    },
  });
  if (!count) throw stale();
  return db.reviewNote.findUniqueOrThrow({ where: { id: row.id }, select: reviewNoteFields });
}

/** Its author deletes a review note: kept in the database (`deletedAt`), gone from the container. */
export async function deleteReviewNote(viewer: Viewer | null, slug: string, id: unknown, ifMatch?: string | null) {
  const { me, row } = await findNote(viewer, slug, id, ifMatch);
  if (row.authorId !== me.id) throw new AppError("forbidden", "Only its author can delete a review note.");
  await db.reviewNote.update({ where: { id: row.id }, data: { deletedAt: clock.now(), version: { increment: 1 } } });
}
