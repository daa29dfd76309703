import { db } from "@/lib/db";

// Reader pages are cached whole by scripts/server.mjs for anonymous visitors; every app process
// LISTENs on this channel and drops its cache, so a change shows at once everywhere.
export async function invalidateReaderPages() {
  await db.$executeRaw`SELECT pg_notify('gloss_pages', '*')`;
}

/** Drops the cached pages of one article (its page and discussion); other pages stay cached. */
export async function invalidateArticlePages(slug: string) {
  await db.$executeRaw`SELECT pg_notify('gloss_pages', ${`/articles/${slug}`})`;
}
