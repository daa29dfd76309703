import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One PrismaClient per process. The pool is ours so that an idle client's `error` (PostgreSQL
// restarting) is logged instead of killing the process; the pool reconnects on the next query.
function createClient() {
  // A connection attempt gives up after 5 s, so a request during an outage answers (503) instead of hanging.
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { client, pool };
}

const globalForDb = globalThis as unknown as { glossDb?: ReturnType<typeof createClient> };

function instance() {
  globalForDb.glossDb ??= createClient();
  return globalForDb.glossDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const value = Reflect.get(instance().client, prop);
    return typeof value === "function" ? value.bind(instance().client) : value;
  },
});

/**
 * The pool under Prisma, for the few hot queries that are sent as named prepared statements
 * (PostgreSQL plans them once per connection instead of on every call: the article page's
 * personal layer, lib/personal/get-article-personal.ts).
 */
export function dbPool(): pg.Pool {
  return instance().pool;
}

export async function closeDb() {
  const current = globalForDb.glossDb;
  globalForDb.glossDb = undefined;
  if (current) {
    await current.client.$disconnect();
    await current.pool.end().catch(() => {});
  }
}
