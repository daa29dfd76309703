import type { Prisma } from "@/lib/generated/prisma/client";

/** An imported article as the import compares it, with its head revision (the draft, else the current one). */
export type ImportedArticle = {
  id: string;
  title: string;
  authorName: string;
  excerpt: string;
  status: "draft" | "scheduled" | "published";
  publishedAt: Date | null;
  publishAt: Date | null;
  updatedAt: Date;
  hasDraftRevision: boolean;
  categories: string[];
  tags: string[];
  head: { body: string; createdById: string | null; createdAt: Date } | null;
};

type Row = Omit<ImportedArticle, "head"> & {
  headBody: string | null;
  headCreatedById: string | null;
  headCreatedAt: Date | null;
};

/** The article an earlier import made of this post, in one query (terms and head revision included). */
export async function findImportedArticle(
  tx: Prisma.TransactionClient,
  importKey: string,
): Promise<ImportedArticle | null> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT a."id", a."title", a."authorName", a."excerpt", a."status"::text AS "status", a."publishedAt", a."publishAt", a."updatedAt",
      a."draftRevisionId" IS NOT NULL AS "hasDraftRevision",
      ARRAY(SELECT c."slug" FROM "_ArticleToCategory" ac JOIN "Category" c ON c."id" = ac."B" WHERE ac."A" = a."id" ORDER BY c."slug") AS "categories",
      ARRAY(SELECT t."slug" FROM "_ArticleToTag" at JOIN "Tag" t ON t."id" = at."B" WHERE at."A" = a."id" ORDER BY t."slug") AS "tags",
      h."body" AS "headBody", h."createdById" AS "headCreatedById", h."createdAt" AS "headCreatedAt"
    FROM "Article" a LEFT JOIN "ArticleRevision" h ON h."id" = COALESCE(a."draftRevisionId", a."currentRevisionId")
    WHERE a."importKey" = ${importKey}`;
  const row = rows[0];
  if (!row) return null;
  const { headBody, headCreatedById, headCreatedAt, ...article } = row;
  return {
    ...article,
    head:
      headBody === null || !headCreatedAt
        ? null
        : { body: headBody, createdById: headCreatedById, createdAt: headCreatedAt },
  };
}
