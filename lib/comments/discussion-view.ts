import { createHash } from "node:crypto";
import { type CommentView, pageViews } from "@/components/comments/comment-view";
import { inertCut, threadsKey } from "@/components/comments/inert-cut";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { threadJson } from "./comment-json";
import { findArticleForDiscussion } from "./find-open-article";
import { type CommentSort, countVisible, listThread } from "./list-thread";

export type { CommentSort };

/**
 * One top-level thread of a shared page: its JSON and a key naming exactly the markup it renders to
 * (with `cut`, the server HTML's cut inside it: components/comments/inert-cut.ts).
 */
export type ThreadPart = { id: string; key: string; view: CommentView; cut?: [string, number][] };

/**
 * What a shared article page's discussion shows (the anonymous view, as the cached page is the same
 * for every reader): the heading's count, the pager's size and each thread of the page. The key of
 * a thread is a hash of everything its markup depends on (its comments as shown, the article's
 * address, whether it takes comments, the link-hold rule), so a thread's HTML rendered once can be
 * reused until the thread itself changes: a new comment costs rendering its own thread, not the
 * page (issue 21). scripts/server.mjs calls this in its own process (instrumentation.ts hands it
 * over) to assemble the page from the article's cached shell and the threads' cached HTML.
 */
export type DiscussionView = {
  total: number;
  pageCount: number;
  threads: ThreadPart[];
  /** How many threads go as markup; those after them go inside one <noscript> (inert-cut.ts). */
  live: number;
  /** What every thread's markup depends on besides its comments. */
  context: ThreadContext;
};
export type ThreadContext = { slug: string; open: boolean; linkHoldThreshold: number };

export function threadKey(view: CommentView, context: ThreadContext, cut?: [string, number][]): string {
  return createHash("sha1")
    .update(
      `${context.slug}\n${context.open ? 1 : 0}\n${context.linkHoldThreshold}\n${cut ? JSON.stringify(cut) : ""}\n${JSON.stringify(view)}`,
    )
    .digest("base64url")
    .slice(0, 22);
}

/** The page's threads as the shared page renders them, each with its key. */
export async function sharedThreads(slug: string, sort: CommentSort, page: number) {
  const [{ threads, total, pageCount, article }, settings] = await Promise.all([
    listThread(null, slug, { sort, page }),
    getSettings(),
  ]);
  const context = { slug, open: article.commentsOpen, linkHoldThreshold: settings.linkHoldThreshold };
  const views = pageViews(threadJson(threads) as CommentView[]);
  // The server HTML's cut, as CommentThreads makes it: the threads before it as markup (the last of
  // them cut inside when the cut runs through it), the rest in <noscript>.
  const cut = inertCut(views);
  const live = cut?.get(threadsKey) ?? views.length;
  const inner = cut ? [...cut].filter(([key]) => key !== threadsKey) : [];
  return {
    total,
    pageCount,
    context,
    live,
    threads: views.map((view, i) => {
      const own = i === live - 1 && inner.length ? inner : undefined;
      return { id: view.id, key: threadKey(view, context, own), view, ...(own ? { cut: own } : {}) };
    }),
  };
}

/**
 * The heading's count and the pager's size alone (one statement once the article is known): what an
 * assembled page whose threads a change did not touch needs to be brought up to date.
 */
export async function discussionCount(slug: string): Promise<{ total: number; pageCount: number } | null> {
  try {
    const [article, settings] = await Promise.all([findArticleForDiscussion(slug), getSettings()]);
    const { total, topCount } = await countVisible(article.id, null);
    const pageSize = Math.min(settings.commentsPerPage, Math.max(1, settings.commentsPerLoad));
    return { total, pageCount: Math.max(1, Math.ceil(topCount / pageSize)) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}

/** The discussion of a published article's shared page; null when there is none (the page is a 404). */
export async function discussionView(slug: string, sort: CommentSort, page: number): Promise<DiscussionView | null> {
  try {
    return await sharedThreads(slug, sort, page);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}
