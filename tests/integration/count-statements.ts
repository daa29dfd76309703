import type pg from "pg";
import { db } from "@/lib/db";

/**
 * The SQL statements sent through lib/db.ts's pool while `fn` runs (after `settle`: background work
 * of earlier steps is not the caller's to count). pool.query() checks a client out through
 * pool.connect(callback) too, so this sees every statement.
 */
export async function countStatements<T>(
  fn: () => Promise<T>,
  settle: () => Promise<unknown>,
): Promise<{ result: T; statements: string[] }> {
  await settle();
  await db.$queryRaw`SELECT 1`; // make sure the pool exists
  const { pool } = (globalThis as unknown as { glossDb: { pool: pg.Pool } }).glossDb;
  const statements: string[] = [];
  const wrapped = new Set<pg.PoolClient>();
  const wrap = (client: pg.PoolClient | undefined) => {
    if (client && !wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query;
      client.query = function (this: pg.PoolClient, ...args: unknown[]) {
        const first = args[0] as string | { text?: string };
        statements.push(typeof first === "string" ? first : (first?.text ?? "?"));
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof client.query;
    }
    return client;
  };
  const connect = pool.connect;
  pool.connect = function (
    this: pg.Pool,
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ) {
    if (callback)
      return (connect as (cb: typeof callback) => void).call(this, (err, client, done) =>
        callback(err, wrap(client), done),
      );
    return (connect as () => Promise<pg.PoolClient>).call(this).then((client) => wrap(client)!);
  } as typeof pool.connect;
  try {
    return { result: await fn(), statements };
  } finally {
    delete (pool as { connect?: unknown }).connect;
    for (const client of wrapped) delete (client as { query?: unknown }).query;
  }
}
