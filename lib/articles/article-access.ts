import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

// The editorial desk's one rule of ownership (CONTRACT.md "The editorial desk"): editors and up
// read and write every article; a contributor only their own, and writes it only while it is not
// published, scheduled or waiting for review. Someone else's unpublished article does not exist
// for them (404), so its address reveals nothing.

type Owned = { ownerId: string | null; status: string };

export const isBoardWriter = (viewer: Pick<Viewer, "role"> | null) => roleCan(viewer?.role, "articles.write");

/** May this viewer read the article's drafts (and its review notes)? */
export const mayReadDrafts = (viewer: Pick<Viewer, "id" | "role"> | null, article: { ownerId: string | null }) =>
  !!viewer &&
  (roleCan(viewer.role, "articles.read_drafts") ||
    (roleCan(viewer.role, "articles.create_draft") && article.ownerId === viewer.id));

export const noSuchArticle = () => new AppError("not_found", "No article has that address.");

/** Refuses a read of someone else's unpublished work with a 404. */
export function requireReadable(
  viewer: Pick<Viewer, "id" | "role"> | null,
  article: Owned | null,
): asserts article is Owned {
  if (!article || !mayReadDrafts(viewer, article)) throw noSuchArticle();
}

/**
 * Refuses a contributor's write to an article that is not theirs (404) or no longer a draft (403):
 * published and scheduled articles belong to the board; one waiting for review is withdrawn first.
 */
export function requireWritable(me: Viewer, article: Owned | null): asserts article is Owned {
  if (!article) throw noSuchArticle();
  if (isBoardWriter(me)) return;
  if (article.ownerId !== me.id) throw noSuchArticle();
  if (article.status === "published" || article.status === "scheduled")
    throw new AppError("forbidden", "This article is published: only the editorial board can change it now.");
  if (article.status === "pending_review")
    throw new AppError("forbidden", "This article is waiting for review: withdraw it to edit it again.");
}

/** A contributor may never publish or schedule. */
export function requireMayPublish(me: Viewer, asks: { status?: string; publishAt?: string | null }) {
  if (roleCan(me.role, "articles.publish")) return;
  if (asks.status === "published" || asks.publishAt)
    throw new AppError("forbidden", "Contributors cannot publish or schedule: submit the article for review instead.");
}
