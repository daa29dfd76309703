import { annoContext } from "@/lib/annotations/annotation-json";
import { siteUrl } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

// What every review-note read selects (one query per list).
export const reviewNoteFields = {
  id: true,
  articleId: true,
  authorId: true,
  parentId: true,
  threadId: true,
  body: true,
  html: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  blockId: true,
  anchorRevisionId: true,
  state: true,
  originalExact: true,
  resolvedAt: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true, deletedAt: true } },
  article: { select: { slug: true } },
} as const;

export type ReviewNoteRow = Prisma.ReviewNoteGetPayload<{ select: typeof reviewNoteFields }>;

export const reviewContainerUrl = (slug: string) => `${siteUrl()}/api/reviews/${slug}/`;
export const reviewNoteUrl = (slug: string, id: string) => `${siteUrl()}/api/reviews/${slug}/${id}`;

/** Whether the passage a note was written on reads differently now ("changed since your note"). */
export const passageChanged = (row: Pick<ReviewNoteRow, "state" | "exact" | "originalExact">) =>
  row.state === "orphaned" || (row.originalExact !== null && row.exact !== row.originalExact);

/**
 * A review note as a W3C Web Annotation, shaped as readers' notes are (lib/annotations/annotation-json)
 * with the desk's fields: `state`, `resolved`, `changed` (its passage reads differently since the note
 * was written), and the original quote of an orphaned note. `viewerId` adds `canEdit`.
 */
export function reviewNoteJson(
  row: ReviewNoteRow,
  { withContext = true, viewerId }: { withContext?: boolean; viewerId?: string } = {},
) {
  const slug = row.article.slug;
  const deleted = !!row.deletedAt;
  const author = row.author
    ? {
        id: `${siteUrl()}/users/${row.author.id}`,
        type: "Person",
        name: row.author.deletedAt ? "deleted user" : row.author.name,
      }
    : undefined;
  const target = row.parentId
    ? reviewNoteUrl(slug, row.parentId)
    : {
        source: `${siteUrl()}/articles/${slug}`,
        selector: [
          { type: "TextQuoteSelector", exact: row.exact ?? "", prefix: row.prefix ?? "", suffix: row.suffix ?? "" },
          ...(row.state === "anchored" && row.start !== null && row.end !== null
            ? [{ type: "TextPositionSelector", start: row.start, end: row.end }]
            : []),
        ],
      };
  return {
    ...(withContext ? { "@context": annoContext } : {}),
    id: reviewNoteUrl(slug, row.id),
    type: "Annotation",
    motivation: row.parentId ? "replying" : "commenting",
    created: row.createdAt.toISOString(),
    modified: (row.editedAt ?? row.createdAt).toISOString(),
    ...(author ? { creator: author } : {}),
    ...(row.body && !deleted
      ? {
          body: {
            type: "TextualBody",
            value: row.body,
            format: "text/markdown",
            purpose: row.parentId ? "replying" : "commenting",
          },
        }
      : {}),
    target,
    status: deleted ? "deleted" : "approved",
    ...(row.parentId
      ? {}
      : {
          state: row.state,
          blockId: row.blockId,
          resolved: !!row.resolvedAt,
          changed: passageChanged(row),
          originalQuote: row.originalExact,
        }),
    html: deleted ? null : row.html,
    edited: !!row.editedAt,
    ...(viewerId !== undefined ? { canEdit: !deleted && row.authorId === viewerId } : {}),
  };
}

export const reviewEtag = (row: { id: string; version: number }) => `"${row.id}-v${row.version}"`;
