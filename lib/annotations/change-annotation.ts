import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { requireContributor } from "@/lib/auth/can-contribute";
import { editRights, requireEditWindow } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { emitLiveEvents, groupNoteChange, isPublic, visibilityChange } from "@/lib/live/emit-live-events";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { recheckStatus } from "@/lib/moderation/recheck-status";
import { getSettings } from "@/lib/settings/get-settings";
import { annotationFields } from "./annotation-fields";
import { etagOf } from "./annotation-json";
import { currentRevisionText } from "./current-text";
import { getAnnotation } from "./get-annotation";
import { type InterpretedAnnotation, interpretAnnotation } from "./interpret-annotation";
import { locateSelection } from "./locate-selection";

async function findOwn(viewer: Viewer | null, slug: string, id: unknown, ifMatch: string | null | undefined) {
  const me = await requireContributor(viewer);
  const row = await getAnnotation(me, slug, id);
  if (row.authorId !== me.id)
    throw new AppError("forbidden", "Only its author can change a note; moderators act through moderation.");
  if (ifMatch && ifMatch !== "*" && ifMatch !== etagOf(row))
    throw new AppError("precondition_failed", "This note changed since you loaded it; reload and try again.");
  return { me, row };
}

type Row = Awaited<ReturnType<typeof getAnnotation>>;

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Whether a PUT asks to move a top-level note to a new passage, and where. A PUT carries the
 * whole annotation, target included, so the target usually is the one the client read:
 * - an orphaned note moves when the quote differs from the stored one (a prefix or suffix the
 *   client left out counts as the same) or only a position is given — the re-attach;
 * - an anchored note keeps its passage: a target that still locates there (or, stale after a
 *   publish, nowhere) is ignored as PUT always did; one that locates elsewhere is refused.
 */
async function requestedMove(
  row: Row,
  a: InterpretedAnnotation,
): Promise<{
  text: string;
  revisionId: string;
  blocks: Awaited<ReturnType<typeof currentRevisionText>>["blocks"];
  start: number;
  end: number;
} | null> {
  if (row.parentId || a.motivation === "replying" || (!a.quote && !a.position)) return null;
  const orphaned = row.state === "orphaned";
  if (orphaned && a.quote) {
    const q = a.quote;
    const same =
      q.exact === row.exact &&
      (q.prefix === undefined || q.prefix === (row.prefix ?? "")) &&
      (q.suffix === undefined || q.suffix === (row.suffix ?? ""));
    if (same) return null;
  }
  const current = await currentRevisionText(row.articleId);
  if (orphaned) return { ...current, ...locateSelection(current.text, a) };
  let located: { start: number; end: number };
  try {
    located = locateSelection(current.text, a);
  } catch {
    return null;
  }
  if (located.start === row.start && located.end === row.end) return null;
  throw new AppError("rule_violation", "Only an orphaned note can be re-attached: this one is still on its passage.", {
    "target.selector": "The note is still anchored to its passage.",
  });
}

// The author changes a note. Its text and tags: within the edit window. Its passage: only when
// the note is orphaned (its passage left the article), to a new selection on the current
// revision — the re-attach, under the same rules as writing a new note (annotations open on the
// article). Either way the earlier version (text, tags, and the anchor it had) is kept.
// `ifMatch` is the ETag the client last saw (412 when stale, or when the note changed meanwhile).
export async function updateAnnotation(
  viewer: Viewer | null,
  slug: string,
  id: unknown,
  input: unknown,
  ifMatch?: string | null,
) {
  const { me, row } = await findOwn(viewer, slug, id, ifMatch);
  const a = interpretAnnotation(input);
  const move = await requestedMove(row, a);
  const audience = row.parentId ? row.audience : (a.audience ?? row.audience);
  // A group note stays in its group, and no note moves into one: its readers would change under it.
  if (
    (audience === "group") !== (row.audience === "group") ||
    (audience === "group" && !row.parentId && a.group !== undefined && a.group !== row.groupId)
  )
    throw new AppError("rule_violation", "A note cannot move into or out of a group: write a new note there.", {
      audience: "A group note stays in its group.",
    });
  const textChanged =
    a.note !== row.body ||
    !sameTags(a.tags, row.tags) ||
    audience !== row.audience ||
    (a.color !== undefined && a.color !== row.color);

  const withRights = async <R extends Row>(r: R) => ({
    ...r,
    ...editRights(me, r, (await getSettings()).editWindowMs),
  });
  if (!move && !textChanged) return withRights(row);
  let anchorData = {};
  if (move) {
    await findArticleForDiscussion(slug, { forWriting: true, kind: "annotations" });
    const anchor = describeAnchor(move.text, move.start, move.end, move.blocks);
    anchorData = {
      exact: anchor.quote.exact,
      prefix: anchor.quote.prefix,
      suffix: anchor.quote.suffix,
      start: anchor.position.start,
      end: anchor.position.end,
      blockId: anchor.blockId ?? null,
      anchorRevisionId: move.revisionId,
      state: "anchored" as const,
      // The passage the author chose: what the note is about from now on (the old one is in its history).
      originalExact: anchor.quote.exact,
    };
  }
  if (textChanged) {
    const { editWindowMs } = await getSettings();
    requireEditWindow(row, editWindowMs, "Notes");
    if (row.motivation !== "highlighting" && !a.note)
      throw new AppError("bad_request", "A note cannot be empty; delete it instead.", { body: "Write something." });
  }
  // Made public, or its public text changed: the rules of a new public note (first-contribution
  // hold, links, reviewed words). A private note turned public by a new account is held.
  const recheck = textChanged && audience === "public" && (row.audience !== "public" || a.note !== row.body);
  const held = recheck ? await recheckStatus(me, { body: a.note, articleId: row.articleId }, row) : null;
  const previousAnchor = move
    ? {
        exact: row.exact,
        prefix: row.prefix,
        suffix: row.suffix,
        start: row.start,
        end: row.end,
        blockId: row.blockId,
        anchorRevisionId: row.anchorRevisionId,
        state: row.state,
        originalExact: row.originalExact,
      }
    : undefined;
  let updated;
  try {
    [, updated] = await db.$transaction([
      db.annotationRevision.create({
        data: {
          annotationId: row.id,
          body: row.body,
          tags: row.tags,
          anchor: previousAnchor,
          editedById: me.id,
          createdAt: clock.now(),
        },
      }),
      db.annotation.update({
        where: { id: row.id, version: row.version },
        data: {
          ...(textChanged
            ? {
                body: a.note,
                html: a.note ? renderSafeMarkdown(a.note) : "",
                tags: a.tags,
                audience,
                color: a.color ?? row.color,
                editedAt: clock.now(),
                ...(held ?? {}),
              }
            : {}),
          ...anchorData,
          version: { increment: 1 },
        },
        select: annotationFields,
      }),
    ]);
  } catch (e) {
    // Changed since it was read (another tab, or a publish that re-anchored it): nothing written.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025")
      throw new AppError("precondition_failed", "This note changed since you loaded it; reload and try again.");
    throw e;
  }
  if (row.audience === "public" || audience === "public")
    await invalidateArticlePages(slug, { removal: row.audience === "public" && audience !== "public" });
  await emitLiveEvents(
    visibilityChange(
      "annotation",
      row.articleId,
      row.id,
      isPublic(row.status, row.audience),
      isPublic(updated.status, updated.audience),
    ),
  );
  await emitLiveEvents(groupNoteChange("updated", updated));
  return withRights(updated);
}

/** The author deletes a note: it becomes `deleted` (kept in the database, never destroyed). */
export async function deleteAnnotation(viewer: Viewer | null, slug: string, id: unknown, ifMatch?: string | null) {
  const { row } = await findOwn(viewer, slug, id, ifMatch);
  await db.annotation.update({
    where: { id: row.id },
    data: { status: "deleted", deletedAt: clock.now(), version: { increment: 1 } },
  });
  if (row.audience === "public") await invalidateArticlePages(slug, { removal: true });
  if (isPublic(row.status, row.audience))
    await emitLiveEvents([{ kind: "annotation", action: "removed", articleId: row.articleId, itemId: row.id }]);
  await emitLiveEvents(groupNoteChange("removed", row));
}
