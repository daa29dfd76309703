import type { Prisma } from "@/lib/generated/prisma/client";

const maxLength = 120;

/** `wanted`, or `wanted-2`, `wanted-3`… : the first address no article has or had (old addresses redirect). */
export async function findFreeSlug(tx: Prisma.TransactionClient, wanted: string): Promise<string> {
  const base = wanted.slice(0, maxLength - 4).replace(/-+$/, "") || "post";
  // Slugs are [a-z0-9-]: nothing in `base` is a LIKE wildcard.
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT "slug" FROM "Article" WHERE "slug" LIKE ${`${base}%`}
    UNION ALL SELECT "oldSlug" FROM "SlugRedirect" WHERE "oldSlug" LIKE ${`${base}%`}`;
  const taken = new Set(rows.map((r) => r.slug));
  if (wanted.length <= maxLength && !taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, maxLength - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
