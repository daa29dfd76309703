// Applies the committed migrations (prisma/migrations/<name>/migration.sql, in name order) without
// Prisma's schema engine, so `npm start`, `npm run gloss` and the tests need nothing native.
//
// - Safe when several processes or machines start at once: everything happens under the same
//   PostgreSQL advisory lock the Prisma CLI takes (pg_advisory_lock(72707369)), and the applied list
//   is read only once the lock is held, so each migration is applied exactly once.
// - Each migration runs in its own transaction together with its `_prisma_migrations` row: it is
//   applied and recorded, or (on an error) neither — the error names the migration and the
//   statement, and the next start tries again once the file is fixed.
// - `_prisma_migrations` is Prisma's own table, filled as `prisma migrate deploy` fills it
//   (checksum = SHA-256 of the file, finished_at, applied_steps_count = 1), so `prisma migrate
//   status` and this runner agree on what is applied. The schema-engine stand-in
//   (scripts/tools/prisma-schema-engine.mjs) is kept for authoring migrations and the drift check.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The key Prisma Migrate locks on PostgreSQL (schema-engine: sql-schema-connector, flavour/postgres). */
export const PRISMA_ADVISORY_LOCK = 72707369;

export class MigrationError extends Error {
  constructor(message, { migration, cause } = {}) {
    super(message, { cause });
    this.name = "MigrationError";
    this.migration = migration;
  }
}

/** The committed migrations, oldest first: [{ name, file, sql, checksum }]. */
export function readMigrations(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = fs.readFileSync(file, "utf8");
      return { name, file, sql, checksum: checksum(sql) };
    });
}

/** Prisma's checksum of a migration script: SHA-256 of its bytes, lower-case hex. */
export function checksum(sql) {
  return crypto.createHash("sha256").update(sql, "utf8").digest("hex");
}

// Prisma's table, column for column (schema-engine: sql-migration-connector, create_migrations_table).
const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Where in `sql` a PostgreSQL error position (1-based character offset) falls: "line N: <text>". */
function locate(sql, position) {
  const at = Number(position);
  if (!at) return "";
  const before = sql.slice(0, at - 1);
  const line = before.split("\n").length;
  const text = sql.split("\n")[line - 1]?.trim() ?? "";
  return ` at line ${line}: ${text.slice(0, 120)}`;
}

/**
 * Applies every committed migration the database lacks. Resolves with { applied: [names], skipped }
 * or rejects with a MigrationError whose message is one or two clear lines.
 * `lockTimeoutMs`: how long to wait for another process that is migrating.
 */
export async function applyMigrations(url, { dir, log = () => {}, lockTimeoutMs = 5 * 60_000, beforeEach } = {}) {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url, application_name: "gloss-migrate" });
  client.on("error", () => {});
  await client.connect();
  try {
    // Wait for the lock (another process or machine may be applying the same migrations).
    const deadline = Date.now() + lockTimeoutMs;
    let waited = false;
    for (;;) {
      const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [PRISMA_ADVISORY_LOCK]);
      if (rows[0].ok) break;
      if (!waited) {
        log("Another process is applying migrations; waiting for it…");
        waited = true;
      }
      if (Date.now() > deadline)
        throw new MigrationError(
          `Another process has held the migration lock for ${Math.round(lockTimeoutMs / 1000)} s (pg_advisory_lock ${PRISMA_ADVISORY_LOCK}); is a migration stuck?`,
        );
      await sleep(200);
    }
    try {
      await client.query(createTable);
      const { rows: done } = await client.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const failed = done.find((r) => !r.finished_at && !r.rolled_back_at);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations; ` +
            `repair the database, then mark it with \`prisma migrate resolve --applied ${failed.migration_name}\` (or --rolled-back).`,
          { migration: failed.migration_name },
        );
      }
      const applied = new Map(
        done.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]),
      );
      for (const m of migrations) {
        const sum = applied.get(m.name);
        if (
          sum &&
          sum !== m.checksum &&
          sum !== checksum(m.sql.replace(/\r\n/g, "\n")) &&
          sum !== checksum(m.sql.replace(/\n/g, "\r\n"))
        ) {
          log(
            `Warning: migration ${m.name} was changed after it was applied (its checksum differs); it is not applied again.`,
          );
        }
      }
      const pending = migrations.filter((m) => !applied.has(m.name));
      const names = [];
      for (const m of pending) {
        await beforeEach?.(m);
        const id = crypto.randomUUID();
        await client.query("BEGIN");
        try {
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)`,
            [id, m.checksum, m.name],
          );
          await client.query(m.sql);
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK").catch(() => {});
          const reason = String(e.message ?? e).split("\n")[0];
          throw new MigrationError(
            `Migration ${m.name} failed and was rolled back (nothing of it is applied): ${reason}${locate(m.sql, e.position)}`,
            { migration: m.name, cause: e },
          );
        }
        names.push(m.name);
        log(`Applied migration ${m.name}`);
      }
      return { applied: names, skipped: migrations.length - pending.length };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
