import { db } from "@/lib/db";

// Reader pages are cached whole by scripts/server.mjs (rules in scripts/lib/page-cache.mjs). A change
// is applied to this process's cache at once (Next runs inside the server's process) and sent to
// every other process on the `gloss_pages` channel.
type ProcessPageCache = { origin: string; invalidate(payload: string): void };

async function announce(payload: string) {
  const cache = (globalThis as { glossPageCache?: ProcessPageCache }).glossPageCache;
  cache?.invalidate(payload);
  await db.$executeRaw`SELECT pg_notify('gloss_pages', ${cache ? `${payload}|${cache.origin}` : payload})`;
}

/** Drops every cached page (publishing, unpublishing, imports). */
export async function invalidateReaderPages() {
  await announce("*");
}

/**
 * One article's pages (its page and discussion) changed. An addition (a new comment, an edit, a
 * like) lets readers get the previous page while one request renders the new one; a removal
 * (`removal: true`: moderation, deletion, a note made private) drops the pages at once, so no
 * answer after it shows what was removed. `discussionOnly`: only its comments changed, so the
 * article's shell (the page without its threads, scripts/lib/assemble.mjs) still holds and the
 * page is put together again from it — a comment costs rendering its own thread, not the page.
 * `added`: what the change was — a new top-level comment (`{ thread: null }`) or a change inside one
 * thread (`{ thread: id }`) — so that the pages it cannot have changed (another page of the
 * discussion, a thread not on it) only take the new count.
 */
export async function invalidateArticlePages(
  slug: string,
  {
    removal = false,
    discussionOnly = false,
    added,
  }: { removal?: boolean; discussionOnly?: boolean; added?: { thread: string | null } } = {},
) {
  const detail = discussionOnly && !removal && added ? (added.thread ? `#t=${added.thread}` : "#new") : "";
  await announce(`${removal ? "!" : ""}${discussionOnly ? "~" : ""}/articles/${slug}${detail}`);
}
