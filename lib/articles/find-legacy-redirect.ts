import { db } from "@/lib/db";
import { normalizeLegacyPath } from "@/lib/import/legacy-paths";
import { publishedWhere } from "./list-published-articles";

/**
 * Where an imported post's old WordPress address now lives (issue 18, item 5): the article's path
 * for `/2023/03/14/freedom-of-navigation/`, `?p=42` or whatever its `<link>` was, when the article
 * is published; null otherwise (the old address is then a 404, as an unknown one).
 */
export async function findLegacyRedirect(raw: string): Promise<string | null> {
  const path = normalizeLegacyPath(raw);
  if (!path) return null;
  const row = await db.legacyPath.findUnique({ where: { path }, select: { articleId: true } });
  if (!row) return null;
  const article = await db.article.findFirst({
    where: { id: row.articleId, ...publishedWhere() },
    select: { slug: true },
  });
  return article ? `/articles/${article.slug}` : null;
}

/** The `?p=<id>` of a request's query (WordPress's plain permalink), or null. */
export function plainPermalinkOf(p: string | string[] | undefined): string | null {
  return typeof p === "string" && /^\d{1,12}$/.test(p) ? `?p=${p}` : null;
}
