import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { importArticleSource } from "@/lib/articles/import-article-source";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";

// Fixtures for the feed, archive and search tests. They run with the clock in 2100 and date their
// articles late in the 2090s, so what they publish is the newest content whatever other tests made.
export const testNow = new Date("2100-01-01T00:00:00Z");
export const useTestClock = () => clock.set(testNow);

export const unique = (label: string) => `${label}-${crypto.randomBytes(5).toString("hex")}`;
/** A made-up word no other article contains (letters only, so the English stemmer keeps it whole). */
export const uniqueWord = (prefix = "zq") => prefix + [...crypto.randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

type ArticleInput = {
  title: string; body: string; published: string; author?: string; affiliation?: string; publication?: string;
  tags?: string[]; categories?: { slug: string; name: string }[];
};

/** Publishes an article from Markdown through importArticleSource, then adds tags and categories. */
export async function publishArticle(input: ArticleInput) {
  const slug = unique("feed-test");
  const front = [
    "---", `title: ${JSON.stringify(input.title)}`, `slug: ${slug}`, `author: ${JSON.stringify(input.author ?? "Test Author")}`,
    ...(input.affiliation ? [`affiliation: ${JSON.stringify(input.affiliation)}`] : []),
    ...(input.publication ? [`publication: ${JSON.stringify(input.publication)}`] : []),
    `published: "${input.published}"`, "---", "",
  ].join("\n");
  const { id } = await importArticleSource(`${front}\n${input.body}\n`);
  if (input.tags?.length || input.categories?.length) {
    await db.article.update({
      where: { id },
      data: {
        ...(input.tags?.length ? { tags: { connectOrCreate: input.tags.map((name) => ({ where: { slug: name.toLowerCase() }, create: { slug: name.toLowerCase(), name } })) } } : {}),
        ...(input.categories?.length ? { categories: { connectOrCreate: input.categories.map((c) => ({ where: { slug: c.slug }, create: c })) } } : {}),
      },
    });
  }
  return { id, slug };
}

/** Makes an article a draft again (as an editor unpublishing it would). */
export async function makeDraft(id: string) {
  await db.article.update({ where: { id }, data: { status: "draft" } });
}

/** Stores a comment straight through Prisma, with the status given. */
export async function insertComment(articleId: string, body: string, options: { status?: ContributionStatus; authorName?: string; authorId?: string; createdAt?: Date; deleted?: boolean } = {}) {
  const id = `c${crypto.randomBytes(10).toString("hex")}`;
  await db.comment.create({
    data: {
      id, threadId: id, articleId, body, html: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      status: options.deleted ? "deleted" : (options.status ?? "approved"), deletedAt: options.deleted ? new Date() : null,
      authorName: options.authorId ? null : (options.authorName ?? "Imported Reader"), authorId: options.authorId ?? null,
      createdAt: options.createdAt ?? new Date(),
    },
  });
  return id;
}
