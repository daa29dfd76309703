import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { highlightEnd, highlightStart, type Segment, snippetSegments } from "./highlight-segments";
import type { PreparedQuery } from "./prepare-ts-query";
import { rankWindow, type SearchPage, snippetHeadline } from "./search-articles";

export type CommentHit = {
  id: string;
  articleSlug: string;
  articleTitle: string;
  author: string;
  createdAt: Date;
  snippet: Segment[];
  rank: number;
};

// Comments are at most a few thousand characters; ts_headline parses what it is given.
const commentSnippetSource = 4_000;

/**
 * One page of approved comments on published articles matching a prepared query, best first
 * among the newest `rankWindow` matches.
 */
export async function searchComments(
  query: PreparedQuery,
  { offset = 0, limit = 10 } = {},
): Promise<SearchPage<CommentHit>> {
  const now = clock.now();
  const visible = Prisma.sql`c.status = 'approved' AND c."deletedAt" IS NULL AND c."articleId" IN (
    SELECT a.id FROM "Article" a WHERE a.status = 'published' AND a."publishedAt" <= ${now} AND a."currentRevisionId" IS NOT NULL)`;
  const rows = await db.$queryRaw<
    {
      id: string | null;
      slug: string;
      title: string;
      author: string;
      createdAt: Date;
      snippet: string;
      opening: string;
      ending: string;
      rank: number;
      ranked: number;
      matches: number;
    }[]
  >`
      WITH recent AS (
        SELECT c.id, c."createdAt", c.search FROM "Comment" c
        WHERE c.search @@ ${query.loose}::tsquery AND ${visible}
        ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${rankWindow}
      ),
      ranked AS (
        SELECT r.id, r."createdAt", ts_rank(r.search, ${query.exact}::tsquery) AS rank FROM recent r
        ${query.hasPhrase ? Prisma.sql`WHERE r.search @@ ${query.exact}::tsquery` : Prisma.empty}
      ),
      counts AS (SELECT (SELECT count(*) FROM ranked)::int AS ranked, (SELECT count(*) FROM recent)::int AS matches),
      page AS (SELECT * FROM ranked ORDER BY rank DESC, "createdAt" DESC, id DESC LIMIT ${limit} OFFSET ${offset})
      SELECT n.ranked, n.matches, p.id, p."createdAt", p.rank::float8 AS rank, a.slug, a.title, left(c.body, 40) AS opening, right(left(c.body, ${commentSnippetSource}), 40) AS ending,
        CASE WHEN u.id IS NULL THEN coalesce(c."authorName", 'Anonymous') WHEN u."deletedAt" IS NOT NULL THEN 'deleted user' ELSE u.name END AS author,
        ts_headline('english', translate(left(c.body, ${commentSnippetSource}), ${highlightStart + highlightEnd}, ''), ${query.exact}::tsquery, ${snippetHeadline}) AS snippet
      FROM counts n LEFT JOIN page p ON true LEFT JOIN "Comment" c ON c.id = p.id
        LEFT JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "User" u ON u.id = c."authorId"
      ORDER BY p.rank DESC, p."createdAt" DESC, p.id DESC`;
  const { ranked = 0, matches = 0 } = rows[0] ?? {};
  return {
    // Counting every match of a common word would read thousands of rows: past the window, "200+".
    total: ranked,
    more: matches >= rankWindow,
    available: ranked,
    hits: rows
      .filter((r) => r.id)
      .map((r) => ({
        id: r.id!,
        articleSlug: r.slug,
        articleTitle: r.title,
        author: r.author,
        createdAt: r.createdAt,
        rank: Number(r.rank),
        snippet: snippetSegments(r.snippet, r.opening, r.ending),
      })),
  };
}
