import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

export type ArchiveIndex = {
  months: { path: string; year: number; month: number; label: string; count: number }[];
  categories: { path: string; name: string; count: number }[];
};

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/**
 * The archive's index (`/archive`, issue 18, item 10): every month (UTC, newest first) and every
 * category that holds a published article, with how many.
 */
export async function listArchiveIndex(): Promise<ArchiveIndex> {
  const now = clock.now();
  const [months, categories] = await Promise.all([
    db.$queryRaw<{ year: number; month: number; count: number }[]>`
      SELECT extract(year FROM "publishedAt")::int AS year, extract(month FROM "publishedAt")::int AS month, count(*)::int AS count FROM "Article"
      WHERE status = 'published' AND "publishedAt" <= ${now} AND "currentRevisionId" IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC`,
    db.$queryRaw<{ slug: string; name: string; count: number }[]>`
      SELECT c.slug, c.name, count(*)::int AS count FROM "Category" c
      JOIN "_ArticleToCategory" j ON j."B" = c.id JOIN "Article" a ON a.id = j."A"
      WHERE a.status = 'published' AND a."publishedAt" <= ${now} AND a."currentRevisionId" IS NOT NULL
      GROUP BY c.slug, c.name ORDER BY c.name`,
  ]);
  return {
    months: months.map((m) => ({
      ...m,
      path: `/${m.year}/${String(m.month).padStart(2, "0")}`,
      label: `${monthName.format(new Date(Date.UTC(m.year, m.month - 1, 1)))} ${m.year}`,
    })),
    categories: categories.map((c) => ({
      path: `/category/${encodeURIComponent(c.slug)}`,
      name: c.name,
      count: c.count,
    })),
  };
}
