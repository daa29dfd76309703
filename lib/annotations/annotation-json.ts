import { type EditRights, rightsJson } from "@/lib/auth/edit-rights";
import { siteUrl } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { annotationFields } from "./annotation-fields";

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationFields }>;

export const annoContext = "http://www.w3.org/ns/anno.jsonld";
export const annoMediaType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const containerUrl = (slug: string) => `${siteUrl()}/api/annotations/${slug}/`;
export const annotationUrl = (slug: string, id: string) => `${siteUrl()}/api/annotations/${slug}/${id}`;
export const etagOf = (row: { id: string; version: number }) => `"${row.id}-v${row.version}"`;

/** A note on the whole article rather than a passage: top-level, with no quote. */
export const isPageNote = (row: { parentId: string | null; exact: string | null }) =>
  !row.parentId && row.exact === null;

// One annotation as W3C Web Annotation JSON-LD, with Gloss's extensions (audience, state, status, html).
export function annotationJson(row: AnnotationRow & Partial<EditRights>, { withContext = true } = {}) {
  const slug = row.article.slug;
  const deleted = row.status === "deleted";
  const author = row.author
    ? {
        id: `${siteUrl()}/users/${row.author.id}`,
        type: "Person",
        name: row.author.deletedAt ? "deleted user" : row.author.name,
      }
    : undefined;
  const bodies = [
    ...(row.body && !deleted
      ? [
          {
            type: "TextualBody",
            value: row.body,
            format: "text/markdown",
            purpose: row.motivation === "replying" ? "replying" : "commenting",
          },
        ]
      : []),
    ...(!deleted ? row.tags.map((t) => ({ type: "TextualBody", value: t, purpose: "tagging" })) : []),
  ];
  const target = row.parentId
    ? annotationUrl(slug, row.parentId)
    : isPageNote(row)
      ? // A note on the whole article: the article itself, no selector (W3C: a target without one).
        { source: `${siteUrl()}/articles/${slug}` }
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
    id: annotationUrl(slug, row.id),
    type: "Annotation",
    motivation: row.motivation,
    created: row.createdAt.toISOString(),
    modified: (row.editedAt ?? row.createdAt).toISOString(),
    ...(author ? { creator: author } : {}),
    ...(bodies.length ? { body: bodies.length === 1 ? bodies[0] : bodies } : {}),
    target,
    audience: row.audience,
    // A group note's group (its id; "board" for the editorial board's).
    ...(row.audience === "group" && row.groupId ? { group: row.groupId } : {}),
    status: row.status,
    // Like a comment's: why it is held (pending notes reach only their author and the moderators).
    ...(row.status === "pending" && row.holdReasons.length ? { reasons: row.holdReasons } : {}),
    ...(row.parentId
      ? {}
      : {
          state: row.state,
          blockId: row.blockId,
          ...(row.state === "orphaned" ? { originalQuote: row.originalExact } : {}),
        }),
    ...(row.color ? { color: row.color } : {}),
    html: deleted ? null : row.html,
    edited: !!row.editedAt,
    // In lists and in answers to the author's own writes: what this viewer may do to it.
    ...rightsJson(row),
  };
}
