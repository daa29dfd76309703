// A comment as the page renders it: the comments API's JSON shape (lib/comments/comment-json.ts,
// threadJson) — so the same components render the server's HTML and comments fetched as JSON.
export type CommentView = {
  id: string;
  parentId: string | null;
  author: { id: string | null; name: string; image: string | null };
  body: string | null;
  html: string | null;
  status: string;
  reasons?: string[];
  likes: number;
  createdAt: string;
  editedAt: string | null;
  depth?: number;
  replies?: CommentView[];
  /** Replies a page load left out: how many, and the cursor for GET /api/comments/{id}/replies. */
  moreReplies?: { count: number; cursor: string | null };
};
