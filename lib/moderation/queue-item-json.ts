import type { listQueue } from "./list-queue";

type Item = Awaited<ReturnType<typeof listQueue>>["items"][number];

// The queue's item shape (CONTRACT.md: id, type, status, reasons, author, article, body).
export function queueItemJson(i: Item) {
  return {
    id: i.id,
    type: i.type,
    status: i.status,
    reasons: i.holdReasons,
    author: i.author
      ? {
          id: i.author.id,
          name: i.author.deletedAt ? "deleted user" : i.author.name,
          email: i.author.email,
          since: i.author.createdAt.toISOString(),
          status: i.author.status,
          approved: i.history?.approved ?? 0,
          spam: i.history?.spam ?? 0,
        }
      : { id: null, name: i.authorName ?? "Anonymous" },
    article: { slug: i.article.slug, title: i.article.title },
    body: i.body,
    html: i.html,
    quote: i.quote,
    // A reported group note (issue 19; admins, and moderators for the board's): its group.
    ...(i.group ? { group: { id: i.group.id, name: i.group.name } } : {}),
    parent: i.parent ? { id: i.parent.id, body: i.parent.body } : null,
    reports: i._count.reports,
    edits: i._count.revisions,
    createdAt: i.createdAt.toISOString(),
    editedAt: i.editedAt?.toISOString() ?? null,
  };
}
