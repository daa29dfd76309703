import fs from "node:fs";
import readline from "node:readline";
import zlib from "node:zlib";
import pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupSummary } from "./backup-format";
import { appliedMigrations, type Column, ident, listColumns, listTables } from "./catalog";

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** Tables of the database that hold rows (the migration record aside). */
export async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const t of await listTables(client))
    if ((await client.query(`SELECT EXISTS (SELECT 1 FROM ${ident(t)}) AS e`)).rows[0].e) found.push(t);
  return found;
}

/**
 * Loads a backup written by backupDatabase into this database, whose schema must already be at
 * the backup's migrations or later (`npm run gloss` applies them before any command). An empty
 * database only, unless `force` (then everything in it is replaced). All in one transaction:
 * a bad or cut-short file changes nothing. Rows stream in batches; foreign keys are dropped while
 * loading and put back (checked) at the end, and user triggers (the audit log's append-only
 * guard, search vectors) are off while loading, so every row comes back as it was.
 */
export async function restoreDatabase(
  file: string,
  options: { force?: boolean; connectionString?: string } = {},
): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new AppError("bad_request", `no such file: ${file}`);
  const client = new pg.Client({ connectionString: options.connectionString ?? env().DATABASE_URL });
  await client.connect();
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  let streamError: Error | null = null;
  input.on("error", (e) => {
    streamError = e;
  });
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const r = await lines.next();
      if (streamError) throw streamError;
      return r.done ? null : r.value;
    } catch {
      throw new AppError("bad_request", "the file is not a Gloss backup (not gzip'd, or damaged)");
    }
  };
  try {
    const first = await next();
    let header: BackupHeader;
    try {
      header = JSON.parse(first ?? "");
    } catch {
      throw new AppError("bad_request", "the file is not a Gloss backup");
    }
    if (header?.format !== BACKUP_FORMAT) throw new AppError("bad_request", "the file is not a Gloss backup");
    if (header.version !== BACKUP_VERSION)
      throw new AppError(
        "bad_request",
        `the backup's format version ${header.version} is not one this Gloss reads (${BACKUP_VERSION})`,
      );

    const applied = new Set(await appliedMigrations(client));
    const missing = header.migrations.filter((m) => !applied.has(m));
    if (missing.length)
      throw new AppError(
        "conflict",
        `the backup was taken at migration ${missing[0]}, which this database has not applied: restore it with the Gloss version that made it, or a newer one`,
      );

    await client.query("BEGIN");
    const tables = await listTables(client);
    const filled = await nonEmptyTables(client);
    if (filled.length && !options.force)
      throw new AppError(
        "conflict",
        `the database is not empty (rows in ${filled.slice(0, 3).join(", ")}${filled.length > 3 ? ", …" : ""}): restore into an empty database, or pass --force to replace everything in it`,
      );
    if (filled.length) await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);

    const foreignKeys = (
      await client.query<{ tbl: string; name: string; def: string }>(
        `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
      )
    ).rows;
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${ident(fk.tbl)} DROP CONSTRAINT ${ident(fk.name)}`);
    for (const t of tables) await client.query(`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);

    const summary: BackupSummary = { tables: {}, migrations: header.migrations };
    let done = false;
    for (let line = await next(); line !== null; line = await next()) {
      const item = JSON.parse(line);
      if (item.done) {
        done = true;
        break;
      }
      if (item.sequences) {
        // Sequences the schema has continue where they were (one made by hand outside the migrations is not restored).
        for (const [name, s] of Object.entries(item.sequences as Record<string, { value: string; called: boolean }>))
          await client.query(`SELECT setval(to_regclass($1), $2::bigint, $3) WHERE to_regclass($1) IS NOT NULL`, [
            ident(name),
            s.value,
            s.called,
          ]);
        continue;
      }
      if (typeof item.table !== "string")
        throw new AppError("bad_request", "the backup file is damaged (a row outside any table)");
      const table: string = item.table;
      if (!tables.includes(table))
        throw new AppError("conflict", `the backup holds table ${table}, which this database does not have`);
      summary.tables[table] = await loadTable(client, table, item.columns, next);
    }
    if (!done) throw new AppError("bad_request", "the backup file is incomplete (cut short): nothing was restored");

    for (const t of tables) await client.query(`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${ident(fk.tbl)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
    await client.query("COMMIT");
    return summary;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    input.destroy();
    await client.end().catch(() => {});
  }
}

/** Reads one table's rows up to its end marker and inserts them in batches; returns the count. */
async function loadTable(
  client: pg.ClientBase,
  table: string,
  backupColumns: string[],
  next: () => Promise<string | null>,
) {
  // Columns the backup has and the table has: a column added by a later migration takes its
  // default; one dropped since is ignored.
  const target = await listColumns(client, table);
  const columns: Column[] = target.filter((c) => backupColumns.includes(c.name));
  const recordType = columns.map((c) => `${ident(c.name)} ${c.json ? "text" : c.type}`).join(", ");
  const values = columns.map((c) => (c.json ? `x.${ident(c.name)}::${c.type}` : `x.${ident(c.name)}`)).join(", ");
  const insert = `INSERT INTO ${ident(table)} (${columns.map((c) => ident(c.name)).join(", ")}) SELECT ${values} FROM json_to_recordset($1::json) AS x(${recordType})`;
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await client.query(insert, [`[${batch.join(",")}]`]);
    count += batch.length;
    batch = [];
    bytes = 0;
  };
  for (;;) {
    const line = await next();
    if (line === null)
      throw new AppError(
        "bad_request",
        `the backup file is incomplete (cut short in table ${table}): nothing was restored`,
      );
    if (line.startsWith('{"end":')) {
      await flush();
      const end = JSON.parse(line) as { end: string; rows: number };
      if (end.end !== table || end.rows !== count)
        throw new AppError(
          "bad_request",
          `the backup file is damaged (table ${table}: ${count} rows read, ${end.rows} expected)`,
        );
      return count;
    }
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
}
