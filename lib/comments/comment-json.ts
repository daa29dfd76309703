import { type EditRights, rightsJson } from "@/lib/auth/edit-rights";

type Row = {
  id: string;
  parentId: string | null;
  body: string;
  html: string;
  status: string;
  likeCount: number;
  createdAt: Date;
  editedAt: Date | null;
  holdReasons?: string[];
  authorName: string | null;
  author: { id: string; name: string; image: string | null; deletedAt: Date | null } | null;
} & Partial<EditRights>;

export function commentAuthor(row: Row) {
  if (row.author)
    return {
      id: row.author.id,
      name: row.author.deletedAt ? "deleted user" : row.author.name,
      image: row.author.deletedAt ? null : row.author.image,
    };
  return { id: null, name: row.authorName ?? "Anonymous", image: null };
}

// The API's comment shape (CONTRACT.md); a deleted comment keeps its place with no text.
export function commentJson(row: Row, liked?: Set<string>) {
  const deleted = row.status === "deleted";
  return {
    id: row.id,
    parentId: row.parentId,
    author: commentAuthor(row),
    body: deleted ? null : row.body,
    html: deleted ? null : row.html,
    status: row.status,
    ...(row.status === "pending" && row.holdReasons?.length ? { reasons: row.holdReasons } : {}),
    likes: row.likeCount,
    ...(liked ? { liked: liked.has(row.id) } : {}),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    ...rightsJson(row),
  };
}

type Node = Row & { displayDepth: number; replies: Node[]; more?: { count: number; cursor: string | null } };

/**
 * Threaded comments; `moreReplies` where replies were left out of this load: how many comments
 * and the cursor for `GET /api/comments/{id}/replies` (null: from its first reply).
 */
export function threadJson(nodes: Node[], liked?: Set<string>): unknown[] {
  return nodes.map((n) => ({
    ...commentJson(n, liked),
    depth: n.displayDepth,
    replies: threadJson(n.replies, liked),
    ...(n.more ? { moreReplies: n.more } : {}),
  }));
}
