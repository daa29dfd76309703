import { visibleAnnotations } from "@/lib/annotations/visibility";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { matchNotes } from "@/lib/search/match-notes";
import { normalizeSearchQuery } from "@/lib/search/normalize-search-query";
import { prepareTsQuery } from "@/lib/search/prepare-ts-query";
import { type MyNotesQuery, myNotesQuerySchema } from "@/lib/validation/note";
import { parseInput } from "@/lib/validation/parse-input";
import { audienceFilter } from "./audience-filter";
import { type MyNoteRow, myNoteFields } from "./my-note-fields";

export type MyNotesPage = { notes: MyNoteRow[]; next: string | null; query: MyNotesQuery };

/**
 * The filters of my notes as one where: only notes I wrote, only what the one visibility rule lets
 * me see (which for my own notes is everything not deleted or removed), and the page's filters.
 */
async function myNotesWhere(me: Viewer, query: MyNotesQuery): Promise<Prisma.AnnotationWhereInput> {
  const and: Prisma.AnnotationWhereInput[] = [visibleAnnotations(me), { authorId: me.id }];
  and.push({ status: { not: "deleted" } });
  if (query.article) and.push({ article: { slug: query.article } });
  if (query.tag) and.push({ tags: { has: query.tag } });
  if (query.replies === "exclude") and.push({ parentId: null });
  if (query.replies === "only") and.push({ parentId: { not: null } });
  and.push(audienceFilter(query));
  return { AND: and };
}

/**
 * Everything the viewer wrote across articles (notes, highlights, replies; public, private, and
 * any other audience), newest first, keyset-paged (`next`), filtered by article, tag, visibility
 * and group, and searchable (`q`: the notes' full-text index, the note's words, tags and quote).
 */
export async function listMyNotes(
  viewer: Viewer | null,
  raw: unknown = {},
  options: { take?: number } = {},
): Promise<MyNotesPage> {
  const me = await requirePermission(viewer, "account.manage");
  const query = parseInput(myNotesQuerySchema, raw);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor)
    throw new AppError("bad_request", "The cursor is not valid.", { cursor: "Not a cursor this list gave." });
  const where = await myNotesWhere(me, query);
  // Exports read bigger pages than a client may ask for.
  const take = options.take ?? query.limit;
  const q = normalizeSearchQuery(query.q);
  if (q) {
    const prepared = await prepareTsQuery(q);
    if (!prepared) return { notes: [], next: null, query };
    return searchMyNotes(me, where, prepared, take, cursor, query);
  }
  const after = cursor
    ? { OR: [{ createdAt: { lt: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { lt: cursor.id } }] }
    : {};
  const rows = await db.annotation.findMany({
    where: { AND: [where, after] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: myNoteFields,
  });
  const notes = rows.slice(0, take);
  const last = notes.at(-1);
  return {
    notes,
    next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null,
    query,
  };
}

// With words to look for: the newest of my notes that match (the GIN index, a window at a time),
// then the same where as the plain list. A window that filters down to less than a page still
// hands on a cursor when the index had more.
async function searchMyNotes(
  me: Viewer,
  where: Prisma.AnnotationWhereInput,
  prepared: NonNullable<Awaited<ReturnType<typeof prepareTsQuery>>>,
  take: number,
  cursor: { t: number; id: string } | null,
  query: MyNotesQuery,
): Promise<MyNotesPage> {
  const notes: MyNoteRow[] = [];
  let before = cursor ?? undefined;
  for (let round = 0; round < 5; round++) {
    const { matches, full } = await matchNotes(prepared, { authorId: me.id, tag: query.tag, before }, 500);
    if (!matches.length) return { notes, next: null, query };
    const rows = await db.annotation.findMany({
      where: { AND: [where, { id: { in: matches.map((m) => m.id) } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1 - notes.length,
      select: myNoteFields,
    });
    notes.push(...rows);
    if (notes.length > take) {
      const page = notes.slice(0, take);
      const last = page.at(-1)!;
      return { notes: page, next: encodeCursor({ t: last.createdAt.getTime(), id: last.id }), query };
    }
    const lastMatch = matches.at(-1)!;
    before = { t: lastMatch.createdAt.getTime(), id: lastMatch.id };
    if (!full) return { notes, next: null, query };
  }
  // Five windows read: hand on where the reading stopped (every note before it is on this page).
  return { notes, next: before ? encodeCursor(before) : null, query };
}
