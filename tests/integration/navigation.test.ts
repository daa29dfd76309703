import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { findAdjacentArticles } from "@/lib/articles/find-adjacent-articles";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { listArchiveIndex } from "@/lib/articles/list-archive-index";
import { db } from "@/lib/db";

// Issue 18, item 10: the archive's index and previous/next article.
const hex = () => crypto.randomBytes(4).toString("hex");
async function published(date: string, publication = "Navigation Tests") {
  const slug = `nav-${hex()}`;
  await importArticleSource(
    `---\ntitle: "Nav ${slug}"\nslug: ${slug}\nauthor: "Nav Author"\npublication: "${publication}"\npublished: "${date}"\n---\n\nWords.\n`,
  );
  return db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, title: true, publishedAt: true },
  });
}

describe("previous and next article", () => {
  it("are the published neighbours by date; the ends have one; drafts and the trash are skipped", async () => {
    const a = await published("1905-01-10");
    const b = await published("1905-01-20");
    const hidden = await published("1905-01-25");
    const c = await published("1905-01-30");
    await db.article.update({ where: { id: hidden.id }, data: { status: "draft" } });

    const middle = await findAdjacentArticles({ id: b.id, publishedAt: b.publishedAt! });
    expect(middle.previous?.slug).toBe(a.slug);
    expect(middle.next?.slug).toBe(c.slug);
    expect((await findAdjacentArticles({ id: c.id, publishedAt: c.publishedAt! })).previous?.slug).toBe(b.slug);
    // Older than anything else in the database: no previous one.
    const first = await published("1800-01-01");
    const oldest = await findAdjacentArticles({ id: first.id, publishedAt: first.publishedAt! });
    expect(oldest.previous).toBeNull();
    expect(oldest.next).not.toBeNull();
  });

  it("orders articles published at the same moment by id, without skipping or repeating one", async () => {
    const same = [await published("1906-06-06"), await published("1906-06-06"), await published("1906-06-06")].sort(
      (x, y) => (x.id < y.id ? -1 : 1),
    );
    expect(await findAdjacentArticles({ id: same[1].id, publishedAt: same[1].publishedAt! })).toMatchObject({
      previous: { slug: same[0].slug },
      next: { slug: same[2].slug },
    });
  });
});

describe("the archive's index", () => {
  it("lists each month (UTC, newest first) and each category with its number of articles", async () => {
    const category = `Index ${hex()}`;
    await published("1907-02-03", category);
    await published("1907-02-20", category);
    await published("1907-11-01", category);
    const { months, categories } = await listArchiveIndex();
    const of1907 = months.filter((m) => m.year === 1907);
    expect(of1907).toEqual([
      { year: 1907, month: 11, count: 1, path: "/1907/11", label: "November 1907" },
      { year: 1907, month: 2, count: 2, path: "/1907/02", label: "February 1907" },
    ]);
    expect(categories.find((c) => c.name === category)).toMatchObject({
      count: 3,
      path: expect.stringMatching(/^\/category\/index-/),
    });
  });
});
