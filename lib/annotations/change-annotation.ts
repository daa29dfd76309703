import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { requireContributor } from "@/lib/auth/can-contribute";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { getSettings } from "@/lib/settings/get-settings";
import { annotationFields } from "./annotation-fields";
import { etagOf } from "./annotation-json";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { currentRevisionText } from "./current-text";
import { interpretAnnotation, type InterpretedAnnotation } from "./interpret-annotation";
import { getAnnotation } from "./get-annotation";
import { locateSelection } from "./locate-selection";

async function findOwn(viewer: Viewer | null, slug: string, id: unknown, ifMatch: string | null | undefined) {
  const me = await requireContributor(viewer);
  const row = await getAnnotation(me, slug, id);
  if (row.authorId !== me.id) throw new AppError("forbidden", "Only its author can change a note; moderators act through moderation.");
  if (ifMatch && ifMatch !== "*" && ifMatch !== etagOf(row)) throw new AppError("precondition_failed", "This note changed since you loaded it; reload and try again.");
  return { me, row };
}

type Row = Awaited<ReturnType<typeof getAnnotation>>;

/** True when the PUT's target is the one stored (a client sending back what it read), so no move is asked for. */
function sameTarget(row: Row, a: InterpretedAnnotation) {
  if (!a.quote && !a.position) return true;
  const q = a.quote;
  const quoteSame = !q || (q.exact === row.exact && (q.prefix === undefined || q.prefix === row.prefix) && (q.suffix === undefined || q.suffix === row.suffix));
  const positionSame = !a.position || (a.position.start === row.start && a.position.end === row.end);
  return quoteSame && positionSame;
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

// The author changes a note. Its text and tags: within the edit window. Its passage: only when
// the note is orphaned (its passage left the article), to a new selection on the current
// revision — the re-attach; a note still on its passage keeps it. Either way the earlier
// version (text, tags, and the anchor it had) is kept. `ifMatch` is the ETag the client last
// saw (412 when stale).
export async function updateAnnotation(viewer: Viewer | null, slug: string, id: unknown, input: unknown, ifMatch?: string | null) {
  const { me, row } = await findOwn(viewer, slug, id, ifMatch);
  const a = interpretAnnotation(input);
  const reattach = !row.parentId && a.motivation !== "replying" && !sameTarget(row, a);
  const audience = row.parentId ? row.audience : (a.audience ?? row.audience);
  const textChanged = a.note !== row.body || !sameTags(a.tags, row.tags) || audience !== row.audience || (a.color !== undefined && a.color !== row.color);

  if (!reattach && !textChanged) return row;
  let anchorData = {};
  if (reattach) {
    if (row.status === "deleted") throw new AppError("rule_violation", "A deleted note cannot be re-attached.");
    if (row.state !== "orphaned") throw new AppError("rule_violation", "Only an orphaned note can be re-attached: this one is still on its passage.", { "target.selector": "The note is still anchored." });
    const current = await currentRevisionText(row.articleId);
    const { start, end } = locateSelection(current.text, a);
    const anchor = describeAnchor(current.text, start, end, current.blocks);
    anchorData = {
      exact: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix, start: anchor.position.start, end: anchor.position.end,
      blockId: anchor.blockId ?? null, anchorRevisionId: current.revisionId, state: "anchored" as const,
    };
  }
  if (textChanged) {
    const { editWindowMs } = await getSettings();
    if (row.audience === "public" && clock.now().getTime() - row.createdAt.getTime() > editWindowMs)
      throw new AppError("forbidden", `Notes can be edited for ${Math.round(editWindowMs / 60_000)} minutes after posting; this one can no longer be edited.`);
    if (row.motivation !== "highlighting" && !a.note) throw new AppError("bad_request", "A note cannot be empty; delete it instead.", { body: "Write something." });
  }
  const previousAnchor = reattach
    ? { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end, blockId: row.blockId, anchorRevisionId: row.anchorRevisionId, state: row.state }
    : undefined;
  const [, updated] = await db.$transaction([
    db.annotationRevision.create({ data: { annotationId: row.id, body: row.body, tags: row.tags, anchor: previousAnchor, editedById: me.id, createdAt: clock.now() } }),
    db.annotation.update({
      where: { id: row.id, version: row.version },
      data: {
        ...(textChanged ? { body: a.note, html: a.note ? renderSafeMarkdown(a.note) : "", tags: a.tags, audience, color: a.color ?? row.color, editedAt: clock.now() } : {}),
        ...anchorData,
        version: { increment: 1 },
      },
      select: annotationFields,
    }),
  ]);
  if (row.audience === "public" || audience === "public") await invalidateArticlePages(slug);
  return updated;
}

/** The author deletes a note: it becomes `deleted` (kept in the database, never destroyed). */
export async function deleteAnnotation(viewer: Viewer | null, slug: string, id: unknown, ifMatch?: string | null) {
  const { row } = await findOwn(viewer, slug, id, ifMatch);
  await db.annotation.update({ where: { id: row.id }, data: { status: "deleted", deletedAt: clock.now(), version: { increment: 1 } } });
  if (row.audience === "public") await invalidateArticlePages(slug);
}
