import { visibleAnnotations } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NoteSearchFilters } from "@/lib/validation/note";
import { highlightEnd, highlightSegments, highlightStart, type Segment, snippetSegments } from "./highlight-segments";
import { matchNotes, type NoteScope } from "./match-notes";
import type { PreparedQuery } from "./prepare-ts-query";
import { type SearchPage, snippetHeadline, titleHeadline } from "./search-articles";

export type NoteHit = {
  id: string;
  threadId: string;
  reply: boolean;
  articleSlug: string;
  articleTitle: string;
  author: { id: string | null; name: string };
  audience: string;
  held: boolean;
  createdAt: Date;
  tags: string[];
  quote: Segment[];
  snippet: Segment[];
  rank: number;
};

const sentinels = highlightStart + highlightEnd;
// Notes up to this many characters are shown whole in the results.
const wholeNote = 400;

/**
 * Where a note search may look: which notes the one visibility rule lets this viewer see
 * (`visibleAnnotations`), on published articles, not deleted or removed. Everything that searches
 * notes goes through here.
 */
export function searchableNotes(viewer: Viewer | null): Prisma.AnnotationWhereInput {
  return {
    AND: [
      visibleAnnotations(viewer),
      { status: { in: ["approved", "pending"] } },
      { article: { status: "published", publishedAt: { lte: clock.now() }, currentRevisionId: { not: null } } },
    ],
  };
}

/** The ids, best first, of the notes among the newest matches this viewer may see. */
export async function visibleNoteMatches(
  viewer: Viewer | null,
  query: PreparedQuery,
  scope: NoteScope,
  window?: number,
) {
  const { matches, full } = await matchNotes(query, scope, window);
  if (!matches.length) return { ranked: [], full };
  const visible = await db.annotation.findMany({
    where: { AND: [searchableNotes(viewer), { id: { in: matches.map((m) => m.id) } }] },
    select: { id: true },
  });
  const ok = new Set(visible.map((v) => v.id));
  const ranked = matches
    .filter((m) => ok.has(m.id))
    .sort((a, b) => b.rank - a.rank || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  return { ranked, full };
}

/**
 * One page of the notes a viewer may see that match a prepared query — public notes, their own
 * (private and held ones too), and whatever else `visibleAnnotations` grants — best first among
 * the newest matches, narrowed by tag, author (a user id) and article (a slug).
 */
export async function searchNotes(
  viewer: Viewer | null,
  query: PreparedQuery,
  { offset = 0, limit = 10, filters = {} as NoteSearchFilters } = {},
): Promise<SearchPage<NoteHit>> {
  let articleId: string | undefined;
  if (filters.article) {
    const article = await db.article.findUnique({ where: { slug: filters.article }, select: { id: true } });
    if (!article) return { total: 0, more: false, available: 0, hits: [] };
    articleId = article.id;
  }
  const { ranked, full } = await visibleNoteMatches(viewer, query, {
    articleId,
    authorId: filters.author,
    tag: filters.tag,
  });
  const pageIds = ranked.slice(offset, offset + limit).map((m) => m.id);
  const hits = pageIds.length ? await noteHits(pageIds, query) : [];
  const rank = new Map(ranked.map((m) => [m.id, m.rank]));
  return {
    total: ranked.length,
    more: full,
    available: ranked.length,
    hits: hits
      .map((h) => ({ ...h, rank: rank.get(h.id) ?? 0 }))
      .sort((a, b) => pageIds.indexOf(a.id) - pageIds.indexOf(b.id)),
  };
}

// The page's notes with their matches marked (sentinels, not HTML: see highlight-segments.ts).
async function noteHits(ids: string[], query: PreparedQuery): Promise<Omit<NoteHit, "rank">[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      threadId: string;
      parentId: string | null;
      slug: string;
      title: string;
      authorId: string | null;
      authorName: string;
      audience: string;
      status: string;
      createdAt: Date;
      tags: string[];
      quote: string | null;
      snippet: string;
      whole: boolean;
      opening: string;
      ending: string;
    }[]
  >`
    SELECT n.id, n."threadId", n."parentId", a.slug, a.title, n.audience::text AS audience, n.status::text AS status, n."createdAt", n.tags,
      u.id AS "authorId", CASE WHEN u.id IS NULL OR u."deletedAt" IS NOT NULL THEN 'deleted user' ELSE u.name END AS "authorName",
      CASE WHEN coalesce(q.exact, '') = '' THEN NULL ELSE ts_headline('english', translate(q.exact, ${sentinels}, ''), ${query.exact}::tsquery, ${titleHeadline}) END AS quote,
      -- A short note is shown whole (its matches marked); a long one as a snippet around them.
      length(n.body) <= ${wholeNote} AS whole,
      ts_headline('english', translate(left(n.body, 6000), ${sentinels}, ''), ${query.exact}::tsquery,
        CASE WHEN length(n.body) <= ${wholeNote} THEN ${titleHeadline} ELSE ${snippetHeadline} END) AS snippet,
      left(n.body, 40) AS opening, right(left(n.body, 6000), 40) AS ending
    FROM "Annotation" n
      JOIN "Article" a ON a.id = n."articleId"
      LEFT JOIN "User" u ON u.id = n."authorId"
      LEFT JOIN "Annotation" q ON q.id = n."threadId"
    WHERE n.id = ANY(${ids}::text[])`;
  return rows.map((r) => ({
    id: r.id,
    threadId: r.threadId,
    reply: !!r.parentId,
    articleSlug: r.slug,
    articleTitle: r.title,
    author: { id: r.authorId, name: r.authorName },
    audience: r.audience,
    held: r.status === "pending",
    createdAt: r.createdAt,
    tags: r.tags,
    quote: r.quote ? highlightSegments(r.quote) : [],
    snippet: !r.snippet.trim()
      ? []
      : r.whole
        ? highlightSegments(r.snippet)
        : snippetSegments(r.snippet, r.opening, r.ending),
  }));
}
