import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/backup/backup-database";
import { db } from "@/lib/db";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { banUser } from "@/lib/moderation/ban-user";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";

// `gloss backup` / `gloss restore`: the whole database into one file and back into an empty
// database, every row as it was. The restore runs the real command (`node scripts/run.mjs gloss`),
// which applies the migrations to the fresh database first, as `npm run gloss` does.

const sourceUrl = process.env.DATABASE_URL!;
const targetName = `restore_${crypto.randomBytes(5).toString("hex")}`;
const targetUrl = sourceUrl.replace(/\/[^/?]*(\?|$)/, `/${targetName}$1`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-backup-"));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and a digest of all its rows (sorted), by table name. */
async function snapshot(url: string) {
  return withClient(url, async (c) => {
    const tables = (
      await c.query<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const r = (
        await c.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS digest FROM (SELECT row_to_json(x)::text AS j FROM "${t}" x) s`,
        )
      ).rows[0];
      out[t] = `${r.n} ${r.digest}`;
    }
    return out;
  });
}

/** `npm run gloss` (migrations first, then the command); `cli` skips the migrations once they are applied. */
function gloss(url: string, ...args: string[]) {
  return command(url, [path.join("scripts", "run.mjs"), "gloss", "--", ...args]);
}
function cli(url: string, ...args: string[]) {
  return command(url, ["--import", "tsx", path.join("scripts", "cli.ts"), ...args]);
}
function command(url: string, args: string[]) {
  const r = spawnSync(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

let jsonNullAudit = "";

beforeAll(async () => {
  // A bit of everything: accounts, an article with a revision, a thread, a margin note, a ban and
  // moderation (audit entries), and an audit entry whose JSON is a JSON null rather than SQL NULL.
  const moderator = await member("moderator");
  const reader = await member("commenter");
  const held = await member("commenter", { trusted: false });
  const article = await insertArticle();
  const top = await post(reader, article.slug, "A first comment about the bridge.");
  await post(moderator, article.slug, "A reply from the board.", top.id);
  const pending = await post(held, article.slug, "Held until someone approves.");
  await actOnItems(moderator, { type: "comment", ids: [pending.id], action: "approve" });
  await annotate(reader, article.slug, "A note on the passage.");
  await banUser(moderator, { email: held.email, duration: "7d", reason: "Testing backups." });
  // An image (bytea), and a bigint id from a sequence (the live-events log).
  await db.$executeRaw`INSERT INTO "Media" (id, hash, "mimeType", ext, width, height, size, data) VALUES (${crypto.randomBytes(8).toString("hex")}, ${crypto.randomBytes(16).toString("hex")}, 'image/png', 'png', 1, 1, 4, ${Buffer.from([0, 1, 254, 255])})`;
  await db.$executeRaw`INSERT INTO "LiveEvent" ("articleId", kind, action, "itemId") VALUES (${article.id}, 'comment', 'created', 'x')`;
  jsonNullAudit = crypto.randomBytes(8).toString("hex");
  await db.$executeRaw`INSERT INTO "AuditEntry" (id, action, "targetType", "before", "after") VALUES (${jsonNullAudit}, 'test.json_null', 'test', NULL, 'null'::jsonb)`;
  await withClient(sourceUrl, (c) => c.query(`CREATE DATABASE ${targetName}`));
});

afterAll(async () => {
  await withClient(sourceUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("brings every row of every table back into an empty database", { timeout: 240_000 }, async () => {
    const file = path.join(dir, "site.backup");
    const summary = await backupDatabase(file);
    expect(summary.tables.AuditEntry).toBeGreaterThanOrEqual(3);
    expect(summary.migrations.length).toBeGreaterThan(0);
    const before = await snapshot(sourceUrl);

    const r = gloss(targetUrl, "restore", file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Restored \d+ rows in \d+ tables from /);
    expect(await snapshot(targetUrl)).toEqual(before);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "User",
        "Article",
        "ArticleRevision",
        "Comment",
        "Annotation",
        "AuditEntry",
        "Setting",
        "Media",
        "LiveEvent",
      ]),
    );

    await withClient(targetUrl, async (c) => {
      // JSON null and SQL NULL stay apart.
      const a = (
        await c.query(
          `SELECT "before" IS NULL AS b, "after" IS NULL AS a, "after"::text AS t FROM "AuditEntry" WHERE id = $1`,
          [jsonNullAudit],
        )
      ).rows[0];
      expect(a).toEqual({ b: true, a: false, t: "null" });
      // The audit log is append-only again, and the foreign keys are back (and enforced).
      await expect(c.query(`UPDATE "AuditEntry" SET reason = 'x' WHERE id = $1`, [jsonNullAudit])).rejects.toThrow();
      await expect(
        c.query(
          `INSERT INTO "Comment" (id, "articleId", "threadId", body, html, status) VALUES ('orphan', 'no-such-article', 'orphan', 'b', 'b', 'approved')`,
        ),
      ).rejects.toThrow(/foreign key/);
      // The search vectors were restored as stored, and the triggers that fill them are back on.
      const fk = async (url: string) =>
        withClient(
          url,
          async (d) =>
            (
              await d.query(
                `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
              )
            ).rows[0].n,
        );
      expect(await fk(targetUrl)).toBe(await fk(sourceUrl));
      // Ids from sequences continue where they were.
      const seq = async (url: string) =>
        withClient(
          url,
          async (d) => (await d.query(`SELECT last_value::text AS v, is_called FROM "LiveEvent_id_seq"`)).rows[0],
        );
      expect(await seq(targetUrl)).toEqual(await seq(sourceUrl));
      expect((await seq(sourceUrl)).is_called).toBe(true);
      const triggers = (
        await c.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'`)
      ).rows[0].n;
      expect(triggers).toBeGreaterThanOrEqual(3);
    });
  });

  it("refuses a database that is not empty unless --force, and --force replaces everything", {
    timeout: 240_000,
  }, async () => {
    const file = path.join(dir, "again.backup");
    await backupDatabase(file);
    const before = await snapshot(sourceUrl);
    await withClient(targetUrl, (c) =>
      c.query(
        `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('only-in-target', '1'::jsonb, now()) ON CONFLICT DO NOTHING`,
      ),
    );
    const targetBefore = await snapshot(targetUrl);

    const refused = cli(targetUrl, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Error: the database is not empty \(rows in [^)]+\): restore into an empty database, or pass --force to replace everything in it$/,
    );
    expect(await snapshot(targetUrl)).toEqual(targetBefore);

    const forced = cli(targetUrl, "restore", file, "--force");
    expect(forced.code).toBe(0);
    expect(await snapshot(targetUrl)).toEqual(before);
  });

  it("changes nothing for a file cut short or not a backup, saying why in one line", { timeout: 240_000 }, async () => {
    const file = path.join(dir, "whole.backup");
    await backupDatabase(file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
    const cut = path.join(dir, "cut.backup");
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n") + "\n"));
    const notBackup = path.join(dir, "not.backup");
    fs.writeFileSync(notBackup, "hello");
    const targetBefore = await snapshot(targetUrl);

    const r1 = cli(targetUrl, "restore", cut, "--force");
    expect(r1).toMatchObject({ code: 1, stdout: "" });
    expect(r1.stderr).toMatch(
      /^Error: the backup file is incomplete \(cut short( in table \w+)?\): nothing was restored$/,
    );
    expect(cli(targetUrl, "restore", notBackup, "--force")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: the file is not a Gloss backup (not gzip'd, or damaged)",
    });
    expect(cli(targetUrl, "restore")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: name one backup file: restore FILE [--force]",
    });
    expect(cli(targetUrl, "backup")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: name the file to write: backup --out FILE",
    });
    expect(await snapshot(targetUrl)).toEqual(targetBefore);
  });

  it("writes the file through the command line too", { timeout: 240_000 }, async () => {
    const file = path.join(dir, "cli.backup");
    const r = cli(sourceUrl, "backup", "--out", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Backed up \d+ rows in \d+ tables \(at migration \d+_\w+\) to .*cli\.backup \(\d+ bytes\)\.$/,
    );
    const header = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n")[0]);
    expect(header).toMatchObject({ format: "gloss-backup", version: 1 });
  });
});
