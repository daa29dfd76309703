import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  blockSeparator,
  highlightEnd,
  highlightSegments,
  highlightStart,
  type Segment,
  snippetSegments,
} from "./highlight-segments";
import type { PreparedQuery } from "./prepare-ts-query";

export type ArticleHit = {
  id: string;
  slug: string;
  title: Segment[];
  snippet: Segment[];
  authorName: string;
  affiliation: string;
  publishedAt: Date;
  rank: number;
};

/**
 * total: how many match (with `more`: at least that many, when only the newest `rankWindow`
 * candidates could be checked); available: those ranked and listed.
 */
export type SearchPage<T> = { total: number; more: boolean; available: number; hits: T[] };

// Ranking reads each match's whole tsvector (TOASTed for a long article), so it is bounded: the
// best matches among the newest `rankWindow` ones and the newest `rankWindow` whose title matches
// (so an older article about the query is never left out). Finding and counting matches uses the
// GIN indexes only (phrases are looked up as AND of their words, then checked inside the window).
export const rankWindow = 200;

// Sentinels, not HTML: see highlight-segments.ts. The highlighted text is stripped of them first.
const marks = `StartSel=${highlightStart}, StopSel=${highlightEnd}`;
const sentinels = highlightStart + highlightEnd;
export const titleHeadline = `${marks}, HighlightAll=true`;
export const snippetHeadline = `${marks}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
// The snippet's stretch of text: from a little before the first match, this many characters.
const snippetLead = 200;
const snippetWindow = 1_200;

/**
 * One page of published articles matching a prepared query, best first: ts_rank over the
 * trigger-kept `search` vector, where a title word (weight A) counts above a body word (B).
 * Headlines are computed for the returned page only.
 */
export async function searchArticles(
  query: PreparedQuery,
  { offset = 0, limit = 10 } = {},
): Promise<SearchPage<ArticleHit>> {
  const now = clock.now();
  const published = Prisma.sql`a.status = 'published' AND a."publishedAt" <= ${now} AND a."currentRevisionId" IS NOT NULL`;
  const [, rows] = await db.$transaction([
    // The planner prices @@ as cheap, not knowing it detoasts a long article's vector: a sequential
    // or publishedAt-ordered scan filtering on it reads thousands of them. The GIN bitmap does not.
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
    db.$queryRaw<
      {
        id: string | null;
        slug: string;
        title: string;
        snippet: string;
        opening: string;
        ending: string;
        authorName: string;
        affiliation: string;
        publishedAt: Date;
        rank: number;
        ranked: number;
        matches: number;
      }[]
    >`
      WITH recent AS (
        SELECT a.id, a."publishedAt", a.search, count(*) OVER () AS matches FROM "Article" a
        WHERE a.search @@ ${query.loose}::tsquery AND ${published}
        ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${rankWindow}
      ),
      -- Title matches however old (the title's own small vector and index): they rank first.
      titled AS (
        SELECT a.id, a."publishedAt", a.search FROM "Article" a
        WHERE a."titleSearch" @@ ${query.loose}::tsquery AND a.search @@ ${query.loose}::tsquery AND ${published}
        ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${rankWindow}
      ),
      candidates AS (
        SELECT id, "publishedAt", search FROM recent
        UNION ALL SELECT t.id, t."publishedAt", t.search FROM titled t WHERE NOT EXISTS (SELECT 1 FROM recent r WHERE r.id = t.id)
      ),
      ranked AS (
        SELECT r.id, r."publishedAt", ts_rank(r.search, ${query.exact}::tsquery) AS rank FROM candidates r
        ${query.hasPhrase ? Prisma.sql`WHERE r.search @@ ${query.exact}::tsquery` : Prisma.empty}
      ),
      counts AS (SELECT (SELECT count(*) FROM ranked)::int AS ranked, coalesce((SELECT max(matches) FROM recent), 0)::int AS matches),
      page AS (SELECT * FROM ranked ORDER BY rank DESC, "publishedAt" DESC, id DESC LIMIT ${limit} OFFSET ${offset})
      SELECT c.ranked, c.matches, p.id, a.slug, a."authorName", a.affiliation, p."publishedAt", p.rank::float8 AS rank, left(a."searchText", 40) AS opening, right(a."searchText", 40) AS ending,
        ts_headline('english', translate(a.title, ${sentinels}, ''), ${query.exact}::tsquery, ${titleHeadline}) AS title,
        -- Blocks (a heading, a paragraph) are separate lines; as " · " the break stays visible in the snippet.
        ts_headline('english', replace(translate(w.text, ${sentinels}, ''), chr(10), ${blockSeparator}), ${query.exact}::tsquery, ${snippetHeadline}) AS snippet
      FROM counts c LEFT JOIN page p ON true LEFT JOIN "Article" a ON a.id = p.id
        LEFT JOIN LATERAL (
          -- ts_headline parses all it is given: give it the stretch around the first match only.
          SELECT CASE WHEN f.start > 1 THEN regexp_replace(substr(a."searchText", f.start, ${snippetWindow}), '^\\S*\\s+', '') ELSE left(a."searchText", ${snippetWindow}) END AS text
          FROM (SELECT greatest(1, coalesce(min(nullif(position(x IN lower(left(a."searchText", 100000))), 0)), 1) - ${snippetLead}) AS start FROM unnest(${query.prefixes}::text[]) x) f
        ) w ON a.id IS NOT NULL
      ORDER BY p.rank DESC, p."publishedAt" DESC, p.id DESC`,
  ]);
  const { ranked = 0, matches = 0 } = rows[0] ?? {};
  return {
    // Words are counted exactly (the index has them all); phrases only within the window.
    total: query.hasPhrase ? ranked : matches,
    more: query.hasPhrase && matches > rankWindow,
    available: ranked,
    hits: rows
      .filter((r) => r.id)
      .map((r) => ({
        id: r.id!,
        slug: r.slug,
        authorName: r.authorName,
        affiliation: r.affiliation,
        publishedAt: r.publishedAt,
        rank: Number(r.rank),
        title: highlightSegments(r.title),
        snippet: snippetSegments(r.snippet, r.opening, r.ending),
      })),
  };
}
