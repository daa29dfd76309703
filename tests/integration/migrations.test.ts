import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, checksum, PRISMA_ADVISORY_LOCK, readMigrations } from "../../scripts/lib/migrations.mjs";

// The migration runner `npm start`, `npm run gloss` and the tests use (scripts/lib/migrations.mjs):
// no schema engine, one advisory lock, one transaction per migration, Prisma's own history table.

const sourceUrl = process.env.DATABASE_URL!;
const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
const created: string[] = [];

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new empty database on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `migr_${crypto.randomBytes(5).toString("hex")}`;
  await withClient(sourceUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return sourceUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

async function history(url: string) {
  return withClient(
    url,
    async (c) =>
      (
        await c.query<{
          migration_name: string;
          checksum: string;
          finished_at: Date | null;
          applied_steps_count: number;
        }>(
          `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
        )
      ).rows,
  );
}

async function tables(url: string) {
  return withClient(url, async (c) =>
    (
      await c.query<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).rows.map((r) => r.t),
  );
}

/** Starts `node -e <runner>` as a separate process against `url`; resolves with its exit code and output. */
function runnerProcess(url: string, dir: string) {
  const code = `import("./scripts/lib/migrations.mjs").then((m) => m.applyMigrations(process.env.DATABASE_URL, { dir: ${JSON.stringify(dir)} }))
    .then((r) => { console.log(JSON.stringify(r)); process.exit(0); }, (e) => { console.error(e.message); process.exit(1); })`;
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["-e", code], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: url },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (c) => resolve({ code: c, out }));
  });
}

afterAll(async () => {
  await withClient(sourceUrl, async (c) => {
    for (const n of created) await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  });
}, 180_000); // eight databases to drop: slow on a busy machine

describe("the migration runner", () => {
  const committed = readMigrations(migrationsDir);

  it("applies every committed migration in order and records each as Prisma does", async () => {
    const url = await emptyDatabase();
    const r = await applyMigrations(url, { dir: migrationsDir });
    expect(r.applied).toEqual(committed.map((m) => m.name));
    const rows = await history(url);
    expect(rows.map((x) => x.migration_name)).toEqual(committed.map((m) => m.name));
    for (const row of rows) {
      const file = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tables(url)).toEqual(expect.arrayContaining(["Article", "Comment", "User", "_prisma_migrations"]));
    // A second run finds nothing to do.
    expect(await applyMigrations(url, { dir: migrationsDir })).toEqual({ applied: [], skipped: committed.length });
  });

  it("writes the same history as `prisma migrate deploy`: the Prisma CLI sees the database as up to date", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, { dir: migrationsDir });
    // The Prisma CLI (through the schema-engine stand-in, as `npm run db:migration` uses it) reads our history.
    const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "status"], {
      cwd: process.cwd(),
      encoding: "utf8",
      timeout: 120_000,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(process.cwd(), "scripts", "tools", "prisma-schema-engine.mjs"),
      },
    });
    expect(r.stdout + r.stderr).toMatch(/Database schema is up to date/);
    expect(r.status).toBe(0);
  }, 120_000);

  it("picks up a history Prisma wrote and applies only what is new", async () => {
    const url = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-migr-"));
    // The first half, applied by the runner; then a row doctored to look as Prisma writes it (no
    // matter who applied it, the runner keys on name and checksum).
    const half = committed.slice(0, Math.ceil(committed.length / 2));
    for (const m of half) fs.cpSync(path.dirname(m.file), path.join(dir, m.name), { recursive: true });
    expect((await applyMigrations(url, { dir })).applied).toEqual(half.map((m) => m.name));
    const rest = committed.slice(half.length);
    for (const m of rest) fs.cpSync(path.dirname(m.file), path.join(dir, m.name), { recursive: true });
    expect((await applyMigrations(url, { dir })).applied).toEqual(rest.map((m) => m.name));
    expect((await history(url)).length).toBe(committed.length);
  });

  it("applies each migration once when four processes start at once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([0, 1, 2, 3].map(() => runnerProcess(url, migrationsDir)));
    for (const r of results) expect(r.code, r.out).toBe(0);
    const appliedBy = results.map((r) => JSON.parse(r.out.trim().split("\n").at(-1)!).applied as string[]);
    // Exactly one process applied them all; the others waited for the lock and found nothing to do.
    expect(appliedBy.filter((a) => a.length === committed.length)).toHaveLength(1);
    expect(appliedBy.filter((a) => a.length === 0)).toHaveLength(3);
    const rows = await history(url);
    expect(rows.map((x) => x.migration_name)).toEqual(committed.map((m) => m.name));
  }, 120_000);

  it("waits for another holder of Prisma's migration lock", async () => {
    const url = await emptyDatabase();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    const lines: string[] = [];
    const running = applyMigrations(url, { dir: migrationsDir, log: (l: string) => lines.push(l) });
    await new Promise((r) => setTimeout(r, 800));
    expect(await tables(url)).toEqual([]); // nothing done while the lock is held elsewhere
    expect(lines.join("\n")).toMatch(/Another process is applying migrations/);
    await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    await holder.end();
    expect((await running).applied).toHaveLength(committed.length);
  });

  it("rolls a failing migration back whole, records nothing of it, and says which and where", async () => {
    const url = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-migr-"));
    fs.cpSync(path.dirname(committed[0].file), path.join(dir, committed[0].name), { recursive: true });
    const bad = "29990101000000_broken";
    fs.mkdirSync(path.join(dir, bad));
    fs.writeFileSync(
      path.join(dir, bad, "migration.sql"),
      `-- a table, then a mistake: neither may stay\nCREATE TABLE "Half" (id INT);\nINSERT INTO "Half" (nope) VALUES (1);\n`,
    );
    const error = await applyMigrations(url, { dir }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /^Migration 29990101000000_broken failed and was rolled back \(nothing of it is applied\): column "nope" of relation "Half" does not exist at line 3: INSERT INTO "Half" \(nope\)/,
    );
    const names = await tables(url);
    expect(names).not.toContain("Half");
    expect(names).toContain("User"); // the good migration before it stays applied
    expect((await history(url)).map((r) => r.migration_name)).toEqual([committed[0].name]);

    // Fixed, the next start applies it.
    fs.writeFileSync(path.join(dir, bad, "migration.sql"), `CREATE TABLE "Half" (id INT);\n`);
    expect((await applyMigrations(url, { dir })).applied).toEqual([bad]);
    expect((await history(url)).find((r) => r.migration_name === bad)?.checksum).toBe(
      checksum(`CREATE TABLE "Half" (id INT);\n`),
    );
  });

  it("refuses to go on past a migration Prisma recorded as failed", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url, { dir: migrationsDir });
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count) VALUES ($1, 'x', '29990101000000_half_done', 'boom', 0)`,
        [crypto.randomUUID()],
      ),
    );
    await expect(applyMigrations(url, { dir: migrationsDir })).rejects.toThrow(
      /29990101000000_half_done failed earlier .*prisma migrate resolve --applied 29990101000000_half_done/,
    );
  });

  it("`npm run gloss` on a database with a broken migration exits 1 with one clear line", async () => {
    const url = await emptyDatabase();
    await withClient(url, async (c) => {
      await c.query(
        `CREATE TABLE "_prisma_migrations" (id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`,
      );
      await c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, 'x', '20200101000000_stuck')`,
        [crypto.randomUUID()],
      );
    });
    const r = spawnSync(
      process.execPath,
      [path.join("scripts", "run.mjs"), "gloss", "--", "user:role", "--email", "x@y.z", "--role", "admin"],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Migration 20200101000000_stuck failed earlier/);
    expect(r.stderr).not.toMatch(/at .*\.mjs:\d+/); // no stack
  });
});
