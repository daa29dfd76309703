import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import MonthArchivePage from "@/app/(reader)/[yyyy]/[mm]/page";
import CategoryArchivePage from "@/app/(reader)/category/[slug]/page";
import { type ArchiveFilter, listArchiveArticles } from "@/lib/articles/list-archive-articles";
import { findArchive, listArchives } from "@/lib/articles/list-archives";
import { db } from "@/lib/db";
import { makeDraft, publishArticle } from "../seed/articles";
import { unique } from "../seed/unique";
import { testNow, useTestClock } from "./feeds-fixtures";

// Archives: /category/x, /tag/x, /author/x, /yyyy/mm — which articles, in what order, and which archives exist.
const tag = unique("ArchiveTag");
const category = { slug: unique("archive-cat"), name: "Archive & Category" };
const author = `José Ñúñez-${unique("x")}`;
let inTag: { id: string; slug: string }[] = [];

/** Walks an archive page by page with its cursor; returns the pages' slugs. */
async function walk(filter: ArchiveFilter, take: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const { articles, next }: Awaited<ReturnType<typeof listArchiveArticles>> = await listArchiveArticles(
      filter,
      cursor,
      take,
    );
    pages.push(articles.map((a) => a.slug));
    if (!next) return pages;
    cursor = next;
  }
  throw new Error("the cursor never ended");
}

beforeAll(async () => {
  useTestClock();
  // Five in the tag (two on the same day: the id breaks the tie), a draft and a future one too.
  inTag = [];
  for (const [i, day] of ["2097-03-01", "2097-03-05", "2097-03-05", "2097-04-10", "2097-05-20"].entries())
    inTag.push(
      await publishArticle({
        title: `Tagged ${i}`,
        body: "Body.",
        published: day,
        tags: [tag],
        categories: [category],
        author,
      }),
    );
  const draft = await publishArticle({
    title: "Tagged draft",
    body: "Body.",
    published: "2097-03-02",
    tags: [tag],
    categories: [category],
    author,
  });
  await makeDraft(draft.id);
  await publishArticle({
    title: "Tagged future",
    body: "Body.",
    published: "2100-02-01",
    tags: [tag],
    categories: [category],
    author,
  });
});

beforeEach(() => useTestClock());

describe("listArchiveArticles", () => {
  it("pages a tag newest first with a stable cursor, without drafts or future articles", async () => {
    const expected = await db.article.findMany({
      where: { status: "published", publishedAt: { lte: testNow }, tags: { some: { slug: tag.toLowerCase() } } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { slug: true },
    });
    expect(expected).toHaveLength(5);
    const pages = await walk({ kind: "tag", slug: tag.toLowerCase() }, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(expected.map((a) => a.slug));
    expect(new Set(pages.flat())).toEqual(new Set(inTag.map((a) => a.slug)));
  });

  it("lists a category, an author (by every spelling of the slug) and a month", async () => {
    expect((await walk({ kind: "category", slug: category.slug }, 10)).flat()).toHaveLength(5);
    expect((await walk({ kind: "author", names: [author] }, 3)).flat()).toHaveLength(5);
    const march = (await walk({ kind: "month", year: 2097, month: 3 }, 10)).flat();
    expect(march).toEqual(expect.arrayContaining([inTag[0].slug, inTag[1].slug, inTag[2].slug]));
    expect(march).not.toContain(inTag[3].slug);
  });

  it("ignores a malformed cursor (starts from the top)", async () => {
    const { articles } = await listArchiveArticles({ kind: "tag", slug: tag.toLowerCase() }, "not-a-cursor", 2);
    expect(articles.map((a) => a.slug)).toEqual((await walk({ kind: "tag", slug: tag.toLowerCase() }, 2))[0]);
  });
});

describe("findArchive", () => {
  it("names each kind of archive", async () => {
    expect(await findArchive("category", category.slug)).toMatchObject({
      name: "Archive & Category",
      heading: "Category: Archive & Category",
      path: `/category/${category.slug}`,
    });
    expect(await findArchive("tag", tag.toLowerCase())).toMatchObject({ name: tag, heading: `Tag: ${tag}` });
    const slug = `jose-nunez-${author.split("-").slice(1).join("-").toLowerCase()}`;
    expect(await findArchive("author", slug)).toMatchObject({
      name: author,
      heading: `Articles by ${author}`,
      filter: { kind: "author", names: [author] },
    });
    expect(await findArchive("month", "2097", "03")).toMatchObject({
      heading: "Articles from March 2097",
      path: "/2097/03",
    });
  });

  it("finds nothing for unknown, empty, draft-only or malformed archives", async () => {
    const draftOnly = await publishArticle({
      title: "Only a draft here",
      body: "Body.",
      published: "2097-06-01",
      tags: [unique("DraftOnlyTag")],
      categories: [{ slug: unique("draft-only"), name: "Draft only" }],
      author: unique("Draft Writer"),
    });
    await makeDraft(draftOnly.id);
    const { tags, categories, authorName } = await db.article.findUniqueOrThrow({
      where: { id: draftOnly.id },
      select: { tags: true, categories: true, authorName: true },
    });
    const misses = [
      findArchive("category", "no-such-category"),
      findArchive("category", categories.find((c) => c.slug.startsWith("draft-only"))!.slug),
      findArchive("tag", "no-such-tag"),
      findArchive("tag", tags[0].slug),
      findArchive("author", "nobody-at-all"),
      findArchive("author", authorName.toLowerCase().replace(/\s+/g, "-")),
      findArchive("category", ""),
      findArchive("tag", "x".repeat(500)),
      findArchive("category", "a/b"),
      findArchive("month", "2097", "13"),
      findArchive("month", "2097", "3"),
      findArchive("month", "97", "03"),
      findArchive("month", "abcd", "03"),
      findArchive("month", "1999", "01"),
      findArchive("month", "2097", "06"),
      findArchive("month", "2100", "02"),
    ];
    expect(await Promise.all(misses)).toEqual(misses.map(() => null));
  });
});

describe("archive pages", () => {
  const notFound = async (page: Promise<unknown>) => {
    const error = await page.then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as { digest?: string } | null)?.digest ?? error)).toMatch(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  };

  it("are not found for unknown archives", async () => {
    await notFound(
      CategoryArchivePage({ params: Promise.resolve({ slug: "no-such-category" }), searchParams: Promise.resolve({}) }),
    );
    await notFound(
      MonthArchivePage({ params: Promise.resolve({ yyyy: "2097", mm: "13" }), searchParams: Promise.resolve({}) }),
    );
    await notFound(
      MonthArchivePage({ params: Promise.resolve({ yyyy: "1999", mm: "01" }), searchParams: Promise.resolve({}) }),
    );
  });

  it("render for a known one", async () => {
    const element = await CategoryArchivePage({
      params: Promise.resolve({ slug: category.slug }),
      searchParams: Promise.resolve({}),
    });
    expect(element).toBeTruthy();
  });
});

describe("listArchives (the sitemap's archive pages)", () => {
  it("lists categories, tags, authors and months that hold a published article, with their newest date", async () => {
    const byPath = new Map((await listArchives()).map((a) => [a.path, a.lastmod]));
    expect(byPath.get(`/category/${category.slug}`)?.toISOString()).toBe("2097-05-20T09:00:00.000Z");
    expect(byPath.get(`/tag/${tag.toLowerCase()}`)?.toISOString()).toBe("2097-05-20T09:00:00.000Z");
    expect(byPath.get("/2097/03")?.toISOString()).toBe("2097-03-05T09:00:00.000Z");
    expect([...byPath.keys()].filter((p) => p.startsWith("/author/jose-nunez-"))).toHaveLength(1);
    expect(byPath.has("/2097/06")).toBe(false);
    expect(byPath.has("/2100/02")).toBe(false);
  });
});
