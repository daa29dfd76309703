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

/** Comments as the page sends them to the browser: what CommentItem draws, without the Markdown source. */
export function pageViews(views: CommentView[]): CommentView[] {
  return views.map((c) => ({ ...c, body: null, ...(c.replies ? { replies: pageViews(c.replies) } : {}) }));
}
