import { annotationFields } from "@/lib/annotations/annotation-fields";
import type { Prisma } from "@/lib/generated/prisma/client";

// What a line of /notes and every export needs: the annotation's own fields (for the W3C JSON),
// the article's title, and for a reply the note it answers (its passage and its author).
export const myNoteFields = {
  ...annotationFields,
  article: { select: { slug: true, title: true } },
  parent: {
    select: { id: true, exact: true, body: true, author: { select: { name: true, deletedAt: true } } },
  },
} as const satisfies Prisma.AnnotationSelect;

export type MyNoteRow = Prisma.AnnotationGetPayload<{ select: typeof myNoteFields }>;
