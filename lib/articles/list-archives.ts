import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { authorSlug } from "./author-slug";
import { type ArchiveFilter, archiveWhere } from "./list-archive-articles";

export type Archive = {
  kind: ArchiveFilter["kind"];
  name: string;
  heading: string;
  path: string;
  filter: ArchiveFilter;
};
export type ArchiveEntry = { path: string; lastmod: Date };

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const published = () => ({
  status: "published" as const,
  publishedAt: { lte: clock.now() },
  currentRevisionId: { not: null },
});

async function publishedAuthorNames(): Promise<string[]> {
  const rows = await db.article.groupBy({ by: ["authorName"], where: published() });
  return rows.map((r) => r.authorName);
}

/** The archive at `/category/x`, `/tag/x`, `/author/x` or `/yyyy/mm`; null unless it holds a published article. */
export async function findArchive(kind: "category" | "tag" | "author", slug: string): Promise<Archive | null>;
export async function findArchive(kind: "month", year: string, month: string): Promise<Archive | null>;
export async function findArchive(kind: Archive["kind"], key: string, month?: string): Promise<Archive | null> {
  if (kind === "month") {
    if (!/^\d{4}$/.test(key) || !/^(0[1-9]|1[0-2])$/.test(month ?? "")) return null;
    const filter: ArchiveFilter = { kind, year: Number(key), month: Number(month) };
    const any = await db.article.findFirst({ where: archiveWhere(filter), select: { id: true } });
    const name = monthName.format(new Date(Date.UTC(filter.year, filter.month - 1, 1)));
    return any ? { kind, name, heading: `Articles from ${name}`, path: `/${key}/${month}`, filter } : null;
  }
  if (!key || key.length > 200 || key.includes("/")) return null;
  if (kind === "author") {
    const names = (await publishedAuthorNames()).filter((n) => authorSlug(n) === key).sort();
    if (!names.length) return null;
    return {
      kind,
      name: names[0],
      heading: `Articles by ${names[0]}`,
      path: `/author/${encodeURIComponent(key)}`,
      filter: { kind, names },
    };
  }
  const where = { slug: key, articles: { some: published() } };
  const term =
    kind === "category"
      ? await db.category.findFirst({ where, select: { name: true } })
      : await db.tag.findFirst({ where, select: { name: true } });
  if (!term) return null;
  return {
    kind,
    name: term.name,
    heading: kind === "category" ? `Category: ${term.name}` : `Tag: ${term.name}`,
    path: `/${kind}/${encodeURIComponent(key)}`,
    filter: { kind, slug: key },
  };
}

/** Every archive page that holds a published article, with its newest article's date (the sitemap). */
export async function listArchives(): Promise<ArchiveEntry[]> {
  const now = clock.now();
  const [categories, tags, authors, months] = await Promise.all([
    db.$queryRaw<{ slug: string; lastmod: Date }[]>`
      SELECT c.slug, max(a."publishedAt") AS lastmod FROM "Category" c
      JOIN "_ArticleToCategory" j ON j."B" = c.id JOIN "Article" a ON a.id = j."A"
      WHERE a.status = 'published' AND a."publishedAt" <= ${now} AND a."currentRevisionId" IS NOT NULL
      GROUP BY c.slug ORDER BY c.slug`,
    db.$queryRaw<{ slug: string; lastmod: Date }[]>`
      SELECT t.slug, max(a."publishedAt") AS lastmod FROM "Tag" t
      JOIN "_ArticleToTag" j ON j."B" = t.id JOIN "Article" a ON a.id = j."A"
      WHERE a.status = 'published' AND a."publishedAt" <= ${now} AND a."currentRevisionId" IS NOT NULL
      GROUP BY t.slug ORDER BY t.slug`,
    db.article.groupBy({ by: ["authorName"], where: published(), _max: { publishedAt: true } }),
    db.$queryRaw<{ month: string; lastmod: Date }[]>`
      SELECT to_char(date_trunc('month', "publishedAt"), 'YYYY/MM') AS month, max("publishedAt") AS lastmod FROM "Article"
      WHERE status = 'published' AND "publishedAt" <= ${now} AND "currentRevisionId" IS NOT NULL
      GROUP BY 1 ORDER BY 1 DESC`,
  ]);
  const byAuthor = new Map<string, Date>();
  for (const a of authors) {
    const slug = authorSlug(a.authorName);
    const last = a._max.publishedAt;
    if (!slug || !last) continue;
    const seen = byAuthor.get(slug);
    if (!seen || last > seen) byAuthor.set(slug, last);
  }
  return [
    ...categories.map((c) => ({ path: `/category/${encodeURIComponent(c.slug)}`, lastmod: c.lastmod })),
    ...tags.map((t) => ({ path: `/tag/${encodeURIComponent(t.slug)}`, lastmod: t.lastmod })),
    ...[...byAuthor]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, lastmod]) => ({ path: `/author/${encodeURIComponent(slug)}`, lastmod })),
    ...months.map((m) => ({ path: `/${m.month}`, lastmod: m.lastmod })),
  ];
}
