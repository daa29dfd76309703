import type { Prisma } from "@/lib/generated/prisma/client";

const maxLength = 120;

/**
 * `wanted`, or `wanted-2`, `wanted-3`… as WordPress does: the first address no other article has
 * or had (old addresses redirect). The one rule for slugs derived from a title — the studio, the
 * API and the WordPress import; a slug typed by hand is never changed (a clash is a 409 instead).
 * `articleId`: the article being renamed keeps its own current and old addresses available.
 */
export async function findFreeSlug(
  tx: Prisma.TransactionClient,
  wanted: string,
  { articleId = "" }: { articleId?: string } = {},
): Promise<string> {
  const base = wanted.slice(0, maxLength - 4).replace(/-+$/, "") || "post";
  // Slugs are [a-z0-9-]: nothing in `base` is a LIKE wildcard.
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT "slug" FROM "Article" WHERE "slug" LIKE ${`${base}%`} AND "id" <> ${articleId}
    UNION ALL SELECT "oldSlug" FROM "SlugRedirect" WHERE "oldSlug" LIKE ${`${base}%`} AND "articleId" <> ${articleId}`;
  const taken = new Set(rows.map((r) => r.slug));
  if (wanted.length <= maxLength && !taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, maxLength - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
