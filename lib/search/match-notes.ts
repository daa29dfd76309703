import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PreparedQuery } from "./prepare-ts-query";

export type NoteMatch = { id: string; createdAt: Date; rank: number };

/** Narrowing that is not a visibility rule: which notes to look among (visibility comes after). */
export type NoteScope = {
  authorId?: string;
  articleId?: string;
  tag?: string;
  /** Keyset: only notes older than this (createdAt, id), newest first. */
  before?: { t: number; id: string };
};

// How many of the newest matches one search looks at: the GIN index finds them, the rank and the
// visibility rule (visibleAnnotations, applied by the caller) then work on this window only.
export const noteMatchWindow = 500;

/**
 * The newest notes whose search vector matches the query (note, tags, quoted passage), within the
 * scope, with their rank. Says nothing about who may see them: every caller filters the ids
 * through `visibleAnnotations(viewer)`.
 */
export async function matchNotes(
  query: PreparedQuery,
  scope: NoteScope = {},
  window = noteMatchWindow,
): Promise<{ matches: NoteMatch[]; full: boolean }> {
  const where = [
    Prisma.sql`n.search @@ ${query.loose}::tsquery`,
    Prisma.sql`n.status IN ('approved', 'pending')`,
    ...(scope.authorId ? [Prisma.sql`n."authorId" = ${scope.authorId}`] : []),
    ...(scope.articleId ? [Prisma.sql`n."articleId" = ${scope.articleId}`] : []),
    ...(scope.tag ? [Prisma.sql`n.tags @> ARRAY[${scope.tag}]::text[]`] : []),
    ...(scope.before ? [Prisma.sql`(n."createdAt", n.id) < (${new Date(scope.before.t)}, ${scope.before.id})`] : []),
  ];
  const rows = await db.$queryRaw<{ id: string | null; createdAt: Date; rank: number; found: number }[]>`
    WITH ${
      // One article's notes are few: find them all first (GIN and article index), never by walking
      // the whole table in date order. Site-wide, the planner picks: a common word's newest
      // matches come soonest in date order (the createdAt index), a rare word's from the GIN index.
      scope.articleId
        ? Prisma.sql`found AS MATERIALIZED (SELECT n.id, n."createdAt", n.search FROM "Annotation" n WHERE ${Prisma.join(where, " AND ")}),
      recent AS (SELECT * FROM found ORDER BY "createdAt" DESC, id DESC LIMIT ${window})`
        : Prisma.sql`recent AS (
      SELECT n.id, n."createdAt", n.search FROM "Annotation" n
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${window}
    )`
    },
    ranked AS (
      SELECT r.id, r."createdAt", ts_rank(r.search, ${query.exact}::tsquery)::float8 AS rank FROM recent r
      ${query.hasPhrase ? Prisma.sql`WHERE r.search @@ ${query.exact}::tsquery` : Prisma.empty}
    )
    SELECT c.found, k.id, k."createdAt", k.rank FROM (SELECT count(*)::int AS found FROM recent) c
      LEFT JOIN ranked k ON true
    ORDER BY k."createdAt" DESC, k.id DESC`;
  const found = rows[0]?.found ?? 0;
  return {
    matches: rows.filter((r) => r.id).map((r) => ({ id: r.id!, createdAt: r.createdAt, rank: Number(r.rank) })),
    full: found >= window,
  };
}
