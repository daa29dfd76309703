import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { parseArticleSource } from "@/lib/articles/parse-article-source";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

const seedSource = fs.readFileSync(path.resolve(process.cwd(), "prisma/seed/seed-article.md"), "utf8");
const seedText = fs.readFileSync(path.resolve(process.cwd(), "../shared/content/seed-article.text.txt"), "utf8");
const seedSlug = "iranian-and-albanian-conflict-in-lieu-of-the-recent-cyber-attacks";

const unique = (label: string) => `${label}-${crypto.randomBytes(5).toString("hex")}`;

/** Inserts an article with one revision that is its current one, straight through Prisma. */
async function insertArticle(options: {
  slug?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  title?: string;
}) {
  const slug = options.slug ?? unique("test-article");
  const article = await db.article.create({
    data: {
      slug,
      title: options.title ?? `Title of ${slug}`,
      authorName: "Test Author",
      excerpt: "An excerpt.",
      status: options.status ?? "published",
      publishedAt: options.publishedAt === undefined ? new Date("2001-01-01T00:00:00Z") : options.publishedAt,
      revisions: {
        create: {
          number: 1,
          body: "Some words here.",
          html: '<p data-block-id="b000001">Some words here.</p>',
          text: "Some words here.",
          blockIds: ["b000001"],
          wordCount: 3,
        },
      },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: article.revisions[0].id } });
  return { id: article.id, slug };
}

/** Every visible article, in the order the list must give them, read with one plain query. */
async function expectedOrder() {
  const rows = await db.article.findMany({
    where: { status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Walks the list page by page with its cursor; returns the pages' ids. */
async function walkPages(take: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const { articles, next }: Awaited<ReturnType<typeof listPublishedArticles>> = await listPublishedArticles(
      cursor,
      take,
    );
    pages.push(articles.map((a) => a.id));
    if (!next) return pages;
    cursor = next;
  }
  throw new Error("the cursor never ended");
}

describe("importArticleSource", () => {
  it("publishes the seed article once; a second import is a no-op", async () => {
    const { meta } = parseArticleSource(seedSource);
    expect(meta.slug).toBe(seedSlug);
    const first = await importArticleSource(seedSource); // another test may have imported it already
    const revisionsBefore = await db.articleRevision.count({ where: { articleId: first.id } });
    expect(revisionsBefore).toBe(1);

    const second = await importArticleSource(seedSource);
    expect(second).toEqual({ id: first.id, slug: seedSlug, created: false });
    expect(await db.article.count({ where: { slug: seedSlug } })).toBe(1);
    expect(await db.articleRevision.count({ where: { articleId: first.id } })).toBe(revisionsBefore);
  });

  it("creates a new article from a new source, then refuses to create it twice", async () => {
    const slug = unique("imported");
    const source = `---\ntitle: A Fresh Piece\nslug: ${slug}\nauthor: Jane Doe\naffiliation: Somewhere\npublished: 2003-04-05\n---\n\nFirst paragraph here.\n\n## A heading\n\nSecond paragraph.\n`;
    const first = await importArticleSource(source);
    expect(first).toMatchObject({ slug, created: true });
    expect(await importArticleSource(source)).toEqual({ id: first.id, slug, created: false });

    const found = await getPublishedArticle(slug);
    expect(found && "article" in found).toBe(true);
    if (!found || !("article" in found)) return;
    expect(found.article).toMatchObject({
      title: "A Fresh Piece",
      authorName: "Jane Doe",
      affiliation: "Somewhere",
      excerpt: "First paragraph here.",
    });
    expect(found.article.publishedAt?.toISOString()).toBe("2003-04-05T09:00:00.000Z");
    expect(found.article.currentRevision?.text).toBe("First paragraph here.\nA heading\nSecond paragraph.");
  });
  it("lets several processes import the same new source at once: one creates it, the others find it", async () => {
    const slug = unique("raced");
    const source = `---\ntitle: Raced\nslug: ${slug}\nauthor: Jane Doe\npublication: Journal ${slug}\npublished: 2003-04-06\n---\n\nOnly paragraph.\n`;
    const results = await Promise.all([
      importArticleSource(source),
      importArticleSource(source),
      importArticleSource(source),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.article.count({ where: { slug } })).toBe(1);
    expect(await db.articleRevision.count({ where: { articleId: results[0].id } })).toBe(1);
    expect(await db.category.count({ where: { slug: `journal-${slug}` } })).toBe(1);
  });
});

describe("getPublishedArticle", () => {
  it("returns the seed article whose text equals the shared fixture exactly", async () => {
    await importArticleSource(seedSource);
    const found = await getPublishedArticle(seedSlug);
    expect(found).not.toBeNull();
    if (!found || !("article" in found)) throw new Error("the seed article was not returned");
    const { article } = found;
    expect(article.title).toMatch(/Iranian and Albanian/i);
    expect(article.currentRevision?.number).toBe(1);
    expect(article.currentRevision?.text).toBe(seedText);
    expect(article.currentRevision?.html.match(/<h2[\s>]/g)).toHaveLength(3);
    expect(article.currentRevision?.html.match(/data-block-id="b[0-9a-z]{6}"/g)).toHaveLength(12);
  });

  it("does not return a draft", async () => {
    const draft = await insertArticle({ status: "draft", publishedAt: new Date("2001-01-01T00:00:00Z") });
    expect(await getPublishedArticle(draft.slug)).toBeNull();
  });

  it("does not return an article published in the future, until its time comes", async () => {
    const publishedAt = new Date(Date.now() + 2 * 60 * 60_000);
    const future = await insertArticle({ publishedAt });
    expect(await getPublishedArticle(future.slug)).toBeNull();
    expect((await walkPages(50)).flat()).not.toContain(future.id);

    clock.set(new Date(publishedAt.getTime() + 1_000));
    expect(await getPublishedArticle(future.slug)).toMatchObject({ article: { id: future.id } });
    // Leave nothing in the future for the other tests: move it to the far past.
    await db.article.update({ where: { id: future.id }, data: { publishedAt: new Date("2000-06-01T00:00:00Z") } });
  });

  it("does not return a published article without a revision, or one without a date", async () => {
    const slug = unique("no-revision");
    await db.article.create({
      data: {
        slug,
        title: "No body",
        authorName: "X",
        status: "published",
        publishedAt: new Date("2001-01-01T00:00:00Z"),
      },
    });
    expect(await getPublishedArticle(slug)).toBeNull();
    const undated = await insertArticle({ publishedAt: null });
    expect(await getPublishedArticle(undated.slug)).toBeNull();
  });

  it("answers an old slug with the new one, and refuses unknown or malformed slugs", async () => {
    const article = await insertArticle({});
    const oldSlug = unique("old-slug");
    await db.slugRedirect.create({ data: { oldSlug, articleId: article.id } });
    expect(await getPublishedArticle(oldSlug)).toEqual({ movedTo: article.slug });
    expect(await getPublishedArticle(unique("no-such-article"))).toBeNull();
    expect(await getPublishedArticle("Not A Slug!")).toBeNull();
    expect(await getPublishedArticle("../etc/passwd")).toBeNull();
    expect(await getPublishedArticle("")).toBeNull();
  });
});

describe("listPublishedArticles", () => {
  it("pages newest first with a cursor, without duplicates or gaps", async () => {
    const base = Date.parse("2001-03-01T12:00:00Z");
    const mine: string[] = [];
    for (let i = 0; i < 12; i++)
      mine.push((await insertArticle({ slug: unique(`page-${i}`), publishedAt: new Date(base + i * 86_400_000) })).id);
    const hidden = await insertArticle({ status: "draft", publishedAt: new Date(base + 5 * 86_400_000 + 1) });

    const pages = await walkPages(5);
    const all = pages.flat();
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(5);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(await expectedOrder());
    expect(all).not.toContain(hidden.id);
    // Mine appear newest first, one after another (nothing else was published in that span).
    const start = all.indexOf(mine[11]);
    expect(all.slice(start, start + 12)).toEqual([...mine].reverse());
  });

  it("keeps articles published at the same instant apart by id across pages", async () => {
    const same = new Date("2001-02-01T08:00:00Z");
    const mine: string[] = [];
    for (let i = 0; i < 7; i++) mine.push((await insertArticle({ publishedAt: same })).id);

    const pages = await walkPages(3);
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(await expectedOrder());
    expect(all.filter((id) => mine.includes(id))).toEqual([...mine].sort().reverse());
  });

  it("returns the summary fields a list shows, and starts again from the top for a bad cursor", async () => {
    const first = await listPublishedArticles(null, 2);
    expect(first.articles.length).toBeGreaterThan(0);
    expect(Object.keys(first.articles[0]).sort()).toEqual([
      "affiliation",
      "authorName",
      "categories",
      "currentRevision",
      "excerpt",
      "id",
      "publishedAt",
      "slug",
      "title",
    ]);
    expect(await listPublishedArticles("not-a-cursor", 2)).toEqual(first);
  });
});
