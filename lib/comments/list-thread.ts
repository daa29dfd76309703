import { type EditRights, editRights } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { getSettings } from "@/lib/settings/get-settings";
import { buildDisplayTrees, type DisplayNode, type Selection, type SkeletonRow, selectBounded } from "./bound-thread";
import { commentFields } from "./create-comment";
import { findArticleForDiscussion } from "./find-open-article";

export type CommentSort = "oldest" | "newest" | "top";
export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentFields }>;
/** Replies left out of a page load: how many, and the cursor to go on (null: from the first). */
export type MoreReplies = { count: number; cursor: string | null };
/** A comment as a page shows it: its row, what the viewer may do to it, its shown replies, a stub for the rest. */
export type ThreadComment = CommentRow &
  EditRights & { displayDepth: number; replies: ThreadComment[]; more?: MoreReplies };

function order(sort: CommentSort): Prisma.CommentOrderByWithRelationInput[] {
  if (sort === "newest") return [{ parentId: "desc" }, { createdAt: "desc" }, { id: "desc" }];
  if (sort === "top") return [{ likeCount: "desc" }, { createdAt: "asc" }, { id: "asc" }];
  return [{ parentId: "asc" }, { createdAt: "asc" }, { id: "asc" }];
}

function after(sort: CommentSort, cursor: string | null | undefined): Prisma.CommentWhereInput {
  const c = decodeCursor(cursor);
  if (!c) return {};
  const at = new Date(c.t);
  if (sort === "newest") return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: c.id } }] };
  if (sort === "top") {
    const likes = c.n ?? 0;
    return {
      OR: [
        { likeCount: { lt: likes } },
        { likeCount: likes, createdAt: { gt: at } },
        { likeCount: likes, createdAt: at, id: { gt: c.id } },
      ],
    };
  }
  return { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: c.id } }] };
}

/**
 * The shape of whole threads without their text: every reply the viewer may see, a few small
 * columns each (one index scan on threadId). What to show is chosen from this; only the chosen
 * comments are then read in full.
 */
export async function loadSkeleton(viewer: Viewer | null, threadIds: string[]): Promise<SkeletonRow[]> {
  if (!threadIds.length) return [];
  return db.$queryRaw<SkeletonRow[]>`
    SELECT "id", "parentId", "createdAt", "likeCount", "status"::text AS "status", octet_length("html") AS "htmlBytes" FROM "Comment"
    WHERE "threadId" = ANY(${threadIds}::text[]) AND "parentId" IS NOT NULL
      AND ("status" IN ('approved', 'deleted') OR ("status" = 'pending' AND "authorId" = ${viewer?.id ?? null}::text))`;
}

/**
 * How many comments the viewer sees (the heading: approved ones and their own pending ones) and how
 * many top-level ones (the pager: those plus deleted ones that keep an approved reply), in one
 * statement. The rules of listThread's `topLevel` and of what a viewer may see (approved comments,
 * deleted ones' placeholders — not counted — and their own pending ones), written so that PostgreSQL
 * counts them from the index (articleId, status, parentId) without reading the table: the two
 * Prisma counts each read every comment of the article (5,000 rows: up to ~30 ms of PostgreSQL a
 * render under load, against ~1 ms).
 */
export async function countVisible(articleId: string, viewer: Viewer | null) {
  const viewerId = viewer?.id ?? null;
  const [row] = await db.$queryRaw<{ total: number; topCount: number }[]>`
    SELECT
      (SELECT count(*) FROM "Comment" WHERE "articleId" = ${articleId} AND "status" = 'approved')::int
      + (SELECT count(*) FROM "Comment" WHERE "articleId" = ${articleId} AND "status" = 'pending'
           AND "authorId" = ${viewerId}::text)::int AS "total",
      (SELECT count(*) FROM "Comment" WHERE "articleId" = ${articleId} AND "status" = 'approved' AND "parentId" IS NULL)::int
      + (SELECT count(*) FROM "Comment" WHERE "articleId" = ${articleId} AND "status" = 'pending' AND "parentId" IS NULL
           AND "authorId" = ${viewerId}::text)::int
      + (SELECT count(*) FROM "Comment" c WHERE c."articleId" = ${articleId} AND c."status" = 'deleted' AND c."parentId" IS NULL
           AND EXISTS (SELECT 1 FROM "Comment" r WHERE r."articleId" = ${articleId} AND r."parentId" = c."id"
             AND r."status" = 'approved'))::int AS "topCount"`;
  return row;
}

/** The chosen comments, read in full and nested as the selection shows them. */
export async function materialize(
  tops: { node: DisplayNode; row?: CommentRow }[],
  selection: Selection,
  viewer: Viewer | null,
  editWindowMs: number,
) {
  const now = clock.now();
  const known = new Map(tops.filter((t) => t.row).map((t) => [t.node.row.id, t.row!]));
  const missing = [...selection.ids].filter((id) => !known.has(id));
  if (missing.length)
    for (const r of await db.comment.findMany({ where: { id: { in: missing } }, select: commentFields }))
      known.set(r.id, r);
  const build = (n: DisplayNode): ThreadComment | null => {
    const row = known.get(n.row.id);
    if (!row) return null; // removed between the two reads
    const more = selection.more.get(n.row.id);
    return {
      ...row,
      ...editRights(viewer, { ...row, authorId: row.author?.id ?? null }, editWindowMs, now),
      displayDepth: n.displayDepth,
      replies: (selection.shown.get(n.row.id) ?? []).map(build).filter((c): c is ThreadComment => c !== null),
      ...(more ? { more: { count: more.count, cursor: more.cursor ? encodeCursor(more.cursor) : null } } : {}),
    };
  };
  return tops.map((t) => build(t.node)).filter((c): c is ThreadComment => c !== null);
}

/**
 * One page load of an article's discussion: top-level comments (keyset-paged, or by page number
 * for permalinks) and as many of their replies as the load's budgets allow (`commentsPerLoad`,
 * counting every comment, and `commentBytesPerLoad`, their estimated weight in the page), with a "more" stub wherever replies are left out (lib/comments/bound-thread.ts).
 * `focus` (a permalink) shows the path down to that comment and its own replies (after
 * `focusAfter`, a cursor among them) first. A constant number of queries whatever its size.
 */
export async function listThread(
  viewer: Viewer | null,
  slug: string,
  options: {
    sort?: CommentSort;
    cursor?: string | null;
    page?: number;
    pageSize?: number;
    focus?: string;
    focusAfter?: string | null;
  } = {},
) {
  const article = await findArticleForDiscussion(slug);
  const settings = await getSettings();
  const sort = options.sort ?? "oldest";
  const budget = Math.max(1, settings.commentsPerLoad);
  const pageSize = Math.min(options.pageSize ?? settings.commentsPerPage, budget);
  const topLevel: Prisma.CommentWhereInput = {
    articleId: article.id,
    parentId: null,
    OR: [
      { status: "approved" },
      ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
      { status: "deleted", replies: { some: { status: "approved" } } },
    ],
  };
  const [roots, { total, topCount }] = await Promise.all([
    db.comment.findMany({
      where: { AND: [topLevel, after(sort, options.cursor)] },
      orderBy: order(sort),
      skip: options.page && !options.cursor ? (options.page - 1) * pageSize : undefined,
      take: pageSize + 1,
      select: commentFields,
    }),
    countVisible(article.id, viewer),
  ]);
  const page = roots.slice(0, pageSize);
  const skeleton = await loadSkeleton(
    viewer,
    page.map((r) => r.id),
  );
  const nodes = buildDisplayTrees(
    page.map((r) => ({ ...r, htmlBytes: Buffer.byteLength(r.html) })),
    skeleton,
    settings.commentMaxDepth,
  );
  const tops = page
    .map((row) => ({ row, node: nodes.get(row.id) }))
    .filter((t): t is { row: CommentRow; node: DisplayNode } => !!t.node);
  const focus = options.focus ? nodes.get(options.focus) : undefined;
  const bytes = settings.commentBytesPerLoad;
  const selection = selectBounded(
    tops.map((t) => t.node),
    budget,
    focus
      ? { bytes, forced: pathTo(focus, nodes), expand: { node: focus, after: decodeCursor(options.focusAfter) } }
      : { bytes },
  );
  const threads = await materialize(tops, selection, viewer, settings.editWindowMs);
  const liked =
    viewer && selection.ids.size
      ? new Set(
          (
            await db.commentLike.findMany({
              where: { userId: viewer.id, commentId: { in: [...selection.ids] } },
              select: { commentId: true },
            })
          ).map((l) => l.commentId),
        )
      : new Set<string>();
  const last = page.at(-1);
  const next =
    roots.length > pageSize && last
      ? encodeCursor({ t: last.createdAt.getTime(), id: last.id, ...(sort === "top" ? { n: last.likeCount } : {}) })
      : null;
  return {
    article,
    threads,
    total,
    next,
    liked,
    sort,
    pageSize,
    pageCount: Math.max(1, Math.ceil(topCount / pageSize)),
  };
}

/** The display path from a thread's root down to `node` (root first). */
export function pathTo(node: DisplayNode, nodes: Map<string, DisplayNode>): DisplayNode[] {
  const parentOf = new Map<string, string>();
  for (const n of nodes.values()) for (const c of n.children) parentOf.set(c.row.id, n.row.id);
  const path = [node];
  for (let id = parentOf.get(node.row.id); id; id = parentOf.get(id)) path.unshift(nodes.get(id)!);
  return path;
}
