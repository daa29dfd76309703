import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlannedArticle } from "./plan-post";

const newId = () => crypto.randomUUID().replace(/-/g, "").slice(0, 24);
const utc = (date: Date | null) => (date ? date.toISOString().replace("T", " ").replace("Z", "") : null);

/**
 * Inserts a new imported article in one statement: the article, its first revision (current when
 * public, draft otherwise), its categories and tags (created when new, shared by slug). The two
 * rows point at each other; PostgreSQL checks both keys at the end of the statement. An import of
 * 1,000 posts spends most of its time here, hence one round trip instead of a dozen.
 */
export async function insertImportedArticle(
  tx: Prisma.TransactionClient,
  plan: PlannedArticle,
  slug: string,
  stamp: Date,
): Promise<string> {
  const articleId = newId();
  const revisionId = newId();
  const isPublic = plan.status !== "draft";
  const { rendered } = plan;
  const at = utc(stamp);
  const terms = (list: { slug: string; name: string }[]) =>
    [list.map(newId), list.map((t) => t.slug), list.map((t) => t.name)] as const;
  const [categoryIds, categorySlugs, categoryNames] = terms(plan.categories);
  const [tagIds, tagSlugs, tagNames] = terms(plan.tags);
  await tx.$executeRaw`
    WITH "article" AS (
      INSERT INTO "Article" ("id", "slug", "importKey", "title", "authorName", "publication", "excerpt", "status", "publishedAt", "publishAt",
        "currentRevisionId", "draftRevisionId", "searchText", "createdAt", "updatedAt")
      VALUES (${articleId}, ${slug}, ${plan.importKey}, ${plan.title}, ${plan.authorName}, ${plan.publication}, ${plan.excerpt}, ${plan.status}::"ArticleStatus",
        ${utc(plan.publishedAt)}::timestamp(3), ${utc(plan.publishAt)}::timestamp(3), ${isPublic ? revisionId : null}, ${isPublic ? null : revisionId},
        ${isPublic ? rendered.text : ""}, ${at}::timestamp(3), ${at}::timestamp(3))
    ), "revision" AS (
      INSERT INTO "ArticleRevision" ("id", "articleId", "number", "body", "html", "text", "blockIds", "wordCount", "createdAt")
      VALUES (${revisionId}, ${articleId}, 1, ${plan.body}, ${rendered.html}, ${rendered.text}, ${rendered.blocks.map((b) => b.id)}::text[], ${rendered.wordCount}, ${at}::timestamp(3))
    ), "categories" AS (
      INSERT INTO "Category" ("id", "slug", "name") SELECT * FROM unnest(${categoryIds}::text[], ${categorySlugs}::text[], ${categoryNames}::text[])
      ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id"
    ), "tags" AS (
      INSERT INTO "Tag" ("id", "slug", "name") SELECT * FROM unnest(${tagIds}::text[], ${tagSlugs}::text[], ${tagNames}::text[])
      ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id"
    ), "categorized" AS (
      INSERT INTO "_ArticleToCategory" ("A", "B") SELECT ${articleId}, "id" FROM "categories"
    )
    INSERT INTO "_ArticleToTag" ("A", "B") SELECT ${articleId}, "id" FROM "tags"`;
  return articleId;
}
