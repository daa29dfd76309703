import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { db } from "@/lib/db";

export const commentFeedSize = 50;

export type FeedComments = {
  article: { slug: string; title: string };
  comments: { id: string; html: string; author: string; createdAt: Date; editedAt: Date | null }[];
};

// An article's approved comments, newest first, for its comment feed; null when there is no such
// published article; `movedTo` when its slug changed.
export async function listFeedComments(
  slug: string,
  take = commentFeedSize,
): Promise<FeedComments | { movedTo: string } | null> {
  const found = await getPublishedArticle(slug);
  if (!found || "movedTo" in found) return found;
  const rows = await db.comment.findMany({
    where: { articleId: found.article.id, status: "approved", deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      html: true,
      createdAt: true,
      editedAt: true,
      authorName: true,
      author: { select: { name: true, deletedAt: true } },
    },
  });
  return {
    article: { slug: found.article.slug, title: found.article.title },
    comments: rows.map((r) => ({
      id: r.id,
      html: r.html,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      author: commenterName(r),
    })),
  };
}

/** As the thread shows it: an account's name, "deleted user", or an imported commenter's name. */
export function commenterName(row: {
  authorName: string | null;
  author: { name: string; deletedAt: Date | null } | null;
}): string {
  if (row.author) return row.author.deletedAt ? "deleted user" : row.author.name;
  return row.authorName ?? "Anonymous";
}
