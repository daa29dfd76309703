import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { getSettings } from "@/lib/settings/get-settings";
import { commentIdSchema } from "@/lib/validation/comment";
import { after, buildDisplayTrees, cursorOf, selectBounded, sortNodes } from "./bound-thread";
import { loadSkeleton, materialize } from "./list-thread";

const querySchema = z.object({
  sort: z.enum(["oldest", "newest", "top"], "sort must be oldest, newest or top.").default("oldest"),
  cursor: z.string().max(200, "Not a valid cursor.").nullish(),
});

/**
 * One page of a comment's replies, as the discussion shows them (below the last nesting level
 * they are flat under the comment above), each with its own replies within the load's budget and
 * "more" stubs for the rest: the replies `sort` orders (oldest first by default, as on the page)
 * after `cursor`, up to `commentsPerPage` of them, and `next` to go on. `remaining` counts the
 * comments of the branch after this page. Visibility as in the discussion: a held reply only for
 * its author; a deleted one as a placeholder while visible replies hang below it.
 */
export async function listReplies(viewer: Viewer | null, rawId: unknown, query: { sort?: unknown; cursor?: unknown }) {
  const id = commentIdSchema.safeParse(rawId);
  const parsed = querySchema.safeParse({ sort: query.sort ?? undefined, cursor: query.cursor ?? undefined });
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
  const { sort } = parsed.data;
  const cursor = parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null;
  if (parsed.data.cursor && !cursor) throw new AppError("bad_request", "Not a valid cursor.");
  const notFound = new AppError("not_found", "That comment does not exist.");
  if (!id.success) throw notFound;
  const comment = await db.comment.findFirst({
    where: {
      id: id.data,
      article: { status: "published", publishedAt: { lte: clock.now() } },
      OR: [
        { status: { in: ["approved", "deleted"] } },
        ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
      ],
    },
    select: { id: true, threadId: true },
  });
  if (!comment) throw notFound;
  const settings = await getSettings();
  const budget = Math.max(1, settings.commentsPerLoad);
  const pageSize = Math.min(settings.commentsPerPage, budget);
  const [root, skeleton] = await Promise.all([
    db.comment.findUniqueOrThrow({
      where: { id: comment.threadId },
      select: { id: true, parentId: true, createdAt: true, likeCount: true, status: true },
    }),
    loadSkeleton(viewer, [comment.threadId]),
  ]);
  const nodes = buildDisplayTrees([{ ...root, status: String(root.status) }], skeleton, settings.commentMaxDepth);
  const node = nodes.get(comment.id);
  // A deleted comment with nothing visible below it is gone from the discussion.
  if (!node) throw notFound;
  const rest = after(sortNodes(node.children, sort), cursor, sort);
  const page = rest.slice(0, pageSize);
  const selection = selectBounded(page, budget, { bytes: settings.commentBytesPerLoad });
  const comments = await materialize(
    page.map((n) => ({ node: n })),
    selection,
    viewer,
    settings.editWindowMs,
  );
  const last = page.at(-1);
  const later = rest.slice(pageSize);
  return {
    comments,
    liked: await likedBy(viewer, [...selection.ids]),
    next: later.length && last ? encodeCursor(cursorOf(last, sort)) : null,
    remaining: later.reduce((n, c) => n + c.size, 0),
  };
}

async function likedBy(viewer: Viewer | null, ids: string[]) {
  if (!viewer || !ids.length) return new Set<string>();
  return new Set(
    (
      await db.commentLike.findMany({
        where: { userId: viewer.id, commentId: { in: ids } },
        select: { commentId: true },
      })
    ).map((l) => l.commentId),
  );
}
