import fs from "node:fs";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { parseArticleSource } from "@/lib/articles/parse-article-source";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { unique } from "./unique";

// Articles: straight through Prisma where a test needs only a published page to hang things on,
// through the domain (createArticle, importArticleSource) where the pipeline's work matters.

/** Two paragraphs; seeded notes quote "passage worth quoting" (annotate) or "words". */
export const defaultParagraphs = [
  "Some words here name the river and the bridge.",
  "A second paragraph has a passage worth quoting here.",
];

/** A published article with one current revision, inserted straight through Prisma. */
export async function insertArticle(
  options: { commentsOpen?: boolean; publishedAt?: Date; paragraphs?: string[]; label?: string } = {},
) {
  const slug = unique(options.label ?? "article");
  const paragraphs = options.paragraphs ?? defaultParagraphs;
  const article = await db.article.create({
    data: {
      slug,
      title: `Title of ${slug}`,
      authorName: "Test Author",
      excerpt: "An excerpt.",
      status: "published",
      publishedAt: options.publishedAt ?? new Date("2001-01-01T00:00:00Z"),
      commentsOpen: options.commentsOpen ?? true,
      revisions: {
        create: {
          number: 1,
          body: paragraphs.join("\n\n"),
          html: paragraphs.map((t, i) => `<p data-block-id="b${String(i + 1).padStart(6, "0")}">${t}</p>`).join(""),
          text: paragraphs.join("\n"),
          blockIds: paragraphs.map((_, i) => `b${String(i + 1).padStart(6, "0")}`),
          wordCount: paragraphs.join(" ").split(/\s+/).filter(Boolean).length,
        },
      },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: article.revisions[0].id } });
  return { id: article.id, slug };
}

/** The seed article's Markdown body (prisma/seed/seed-article.md without its front matter). */
export const seedBody = parseArticleSource(
  fs.readFileSync(path.resolve(process.cwd(), "prisma/seed/seed-article.md"), "utf8"),
).body;

/** A published copy of the seed article under a fresh slug: tests edit copies, never the seed. */
export async function publishSeedCopy(editor: Viewer, body = seedBody) {
  const slug = unique("seed-copy");
  await createArticle(editor, { title: "A copy of the seed article", slug, body, status: "published" });
  return slug;
}

export type ArticleInput = {
  title: string;
  body: string;
  published: string;
  author?: string;
  affiliation?: string;
  publication?: string;
  tags?: string[];
  categories?: { slug: string; name: string }[];
};

/** Publishes an article from Markdown through importArticleSource, then adds tags and categories. */
export async function publishArticle(input: ArticleInput) {
  const slug = unique("feed-test");
  const front = [
    "---",
    `title: ${JSON.stringify(input.title)}`,
    `slug: ${slug}`,
    `author: ${JSON.stringify(input.author ?? "Test Author")}`,
    ...(input.affiliation ? [`affiliation: ${JSON.stringify(input.affiliation)}`] : []),
    ...(input.publication ? [`publication: ${JSON.stringify(input.publication)}`] : []),
    `published: "${input.published}"`,
    "---",
    "",
  ].join("\n");
  const { id } = await importArticleSource(`${front}\n${input.body}\n`);
  if (input.tags?.length || input.categories?.length) {
    await db.article.update({
      where: { id },
      data: {
        ...(input.tags?.length
          ? {
              tags: {
                connectOrCreate: input.tags.map((name) => ({
                  where: { slug: name.toLowerCase() },
                  create: { slug: name.toLowerCase(), name },
                })),
              },
            }
          : {}),
        ...(input.categories?.length
          ? { categories: { connectOrCreate: input.categories.map((c) => ({ where: { slug: c.slug }, create: c })) } }
          : {}),
      },
    });
  }
  return { id, slug };
}

/** Makes an article a draft again (as an editor unpublishing it would). */
export async function makeDraft(id: string) {
  await db.article.update({ where: { id }, data: { status: "draft" } });
}
