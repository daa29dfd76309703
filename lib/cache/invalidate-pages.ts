import { db } from "@/lib/db";

// Reader pages are cached whole by scripts/server.mjs for anonymous visitors; every app process
// LISTENs on this channel and drops its cache, so a change shows at once everywhere.
export async function invalidateReaderPages(reason = "content") {
  await db.$executeRaw`SELECT pg_notify('gloss_pages', ${reason})`;
}
