// What every annotation read selects (one query per list; no per-row lookups).
export const annotationFields = {
  id: true, articleId: true, authorId: true, parentId: true, threadId: true, motivation: true, audience: true,
  body: true, html: true, tags: true, color: true, status: true, holdReasons: true, exact: true, prefix: true, suffix: true,
  start: true, end: true, blockId: true, anchorRevisionId: true, state: true, originalExact: true, version: true,
  createdAt: true, updatedAt: true, editedAt: true,
  author: { select: { id: true, name: true, image: true, deletedAt: true } },
  article: { select: { slug: true } },
} as const;
