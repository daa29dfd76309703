import type { Prisma } from "@/lib/generated/prisma/client";

// What a group page shows of a note, in its latest notes and its reported notes alike.
export const groupNoteFields = {
  id: true,
  body: true,
  exact: true,
  createdAt: true,
  author: { select: { id: true, name: true, deletedAt: true } },
  article: { select: { slug: true, title: true } },
} as const satisfies Prisma.AnnotationSelect;

/** Newest first; the id settles ties. */
export const newestGroupNotesFirst = [
  { createdAt: "desc" },
  { id: "desc" },
] satisfies Prisma.AnnotationOrderByWithRelationInput[];

type GroupNoteRow = Prisma.AnnotationGetPayload<{ select: typeof groupNoteFields }>;

/** One note as the page lists it: a deleted (or gone) author shows as "deleted user". */
export const groupNoteItem = (r: GroupNoteRow) => ({
  id: r.id,
  body: r.body,
  quote: r.exact,
  createdAt: r.createdAt,
  author: r.author && !r.author.deletedAt ? r.author.name : "deleted user",
  article: r.article,
});
