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
import { interpretAnnotation } from "./interpret-annotation";
import { getAnnotation } from "./get-annotation";

async function findOwn(viewer: Viewer | null, slug: string, id: unknown, ifMatch: string | null | undefined) {
  const me = await requireContributor(viewer);
  const row = await getAnnotation(me, slug, id);
  if (row.authorId !== me.id) throw new AppError("forbidden", "Only its author can change a note; moderators act through moderation.");
  if (ifMatch && ifMatch !== "*" && ifMatch !== etagOf(row)) throw new AppError("precondition_failed", "This note changed since you loaded it; reload and try again.");
  return { me, row };
}

// The author edits the note's text and tags (not its passage) within the edit window; the
// earlier version is kept. `ifMatch` is the ETag the client last saw (412 when stale).
export async function updateAnnotation(viewer: Viewer | null, slug: string, id: unknown, input: unknown, ifMatch?: string | null) {
  const { me, row } = await findOwn(viewer, slug, id, ifMatch);
  const a = interpretAnnotation(input);
  const { editWindowMs } = await getSettings();
  if (row.audience === "public" && clock.now().getTime() - row.createdAt.getTime() > editWindowMs)
    throw new AppError("forbidden", `Notes can be edited for ${Math.round(editWindowMs / 60_000)} minutes after posting; this one can no longer be edited.`);
  if (row.motivation !== "highlighting" && !a.note) throw new AppError("bad_request", "A note cannot be empty; delete it instead.", { body: "Write something." });
  const audience = row.parentId ? row.audience : (a.audience ?? row.audience);
  const [, updated] = await db.$transaction([
    db.annotationRevision.create({ data: { annotationId: row.id, body: row.body, tags: row.tags, editedById: me.id, createdAt: clock.now() } }),
    db.annotation.update({
      where: { id: row.id, version: row.version },
      data: { body: a.note, html: a.note ? renderSafeMarkdown(a.note) : "", tags: a.tags, audience, color: a.color ?? row.color, editedAt: clock.now(), version: { increment: 1 } },
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
