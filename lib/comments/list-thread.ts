import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clock } from "@/lib/clock";
import { editRights, type EditRights } from "@/lib/auth/edit-rights";
import type { Viewer } from "@/lib/auth/viewer";
import { getSettings } from "@/lib/settings/get-settings";
import { buildThreads, type ThreadNode } from "./build-thread";
import { commentFields } from "./create-comment";
import { findArticleForDiscussion } from "./find-open-article";

export type CommentSort = "oldest" | "newest" | "top";
type Row = Prisma.CommentGetPayload<{ select: typeof commentFields }> & EditRights;
export type ThreadComment = ThreadNode<Row>;

// What a viewer may see: approved comments, placeholders of deleted ones, and their own pending ones.
function visibleTo(viewer: Viewer | null): Prisma.CommentWhereInput {
  return { OR: [{ status: { in: ["approved", "deleted"] } }, ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : [])] };
}

function order(sort: CommentSort): Prisma.CommentOrderByWithRelationInput[] {
  if (sort === "newest") return [{ createdAt: "desc" }, { id: "desc" }];
  if (sort === "top") return [{ likeCount: "desc" }, { createdAt: "asc" }, { id: "asc" }];
  return [{ createdAt: "asc" }, { id: "asc" }];
}

function after(sort: CommentSort, cursor: string | null | undefined): Prisma.CommentWhereInput {
  const c = decodeCursor(cursor);
  if (!c) return {};
  const at = new Date(c.t);
  if (sort === "newest") return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: c.id } }] };
  if (sort === "top") {
    const likes = c.n ?? 0;
    return { OR: [{ likeCount: { lt: likes } }, { likeCount: likes, createdAt: { gt: at } }, { likeCount: likes, createdAt: at, id: { gt: c.id } }] };
  }
  return { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: c.id } }] };
}

/**
 * One page of an article's discussion: top-level comments (keyset-paged, or by page number for
 * permalinks), each with its whole reply tree and what the viewer may do to each comment
 * (`canEdit`, `editableUntil`). A constant number of queries whatever its size.
 */
export async function listThread(viewer: Viewer | null, slug: string, options: { sort?: CommentSort; cursor?: string | null; page?: number; pageSize?: number } = {}) {
  const article = await findArticleForDiscussion(slug);
  const settings = await getSettings();
  const sort = options.sort ?? "oldest";
  const pageSize = options.pageSize ?? settings.commentsPerPage;
  const visible = visibleTo(viewer);
  const topLevel: Prisma.CommentWhereInput = {
    articleId: article.id, parentId: null,
    OR: [
      { status: "approved" },
      ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
      { status: "deleted", replies: { some: { status: "approved" } } },
    ],
  };
  const now = clock.now();
  const withRights = <R extends Prisma.CommentGetPayload<{ select: typeof commentFields }>>(r: R): R & EditRights =>
    ({ ...r, ...editRights(viewer, { ...r, authorId: r.author?.id ?? null }, settings.editWindowMs, now) });
  const [roots, total] = await Promise.all([
    db.comment.findMany({
      where: { AND: [topLevel, after(sort, options.cursor)] },
      orderBy: order(sort),
      skip: options.page && !options.cursor ? (options.page - 1) * pageSize : undefined,
      take: pageSize + 1,
      select: commentFields,
    }),
    db.comment.count({ where: { articleId: article.id, ...visible, status: { not: "deleted" } } }),
  ]);
  const page = roots.slice(0, pageSize).map(withRights);
  const descendants = page.length
    ? (await db.comment.findMany({ where: { threadId: { in: page.map((r) => r.id) }, parentId: { not: null }, ...visible }, select: commentFields })).map(withRights)
    : [];
  const liked = viewer && page.length
    ? new Set((await db.commentLike.findMany({ where: { userId: viewer.id, comment: { articleId: article.id } }, select: { commentId: true } })).map((l) => l.commentId))
    : new Set<string>();
  const last = page.at(-1);
  const next = roots.length > pageSize && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id, ...(sort === "top" ? { n: last.likeCount } : {}) }) : null;
  const threads = buildThreads<Row>(page, descendants, settings.commentMaxDepth);
  return { article, threads, total, next, liked, sort, pageSize, pageCount: Math.max(1, Math.ceil(await countTopLevel(topLevel) / pageSize)) };
}

async function countTopLevel(where: Prisma.CommentWhereInput) {
  return db.comment.count({ where });
}
