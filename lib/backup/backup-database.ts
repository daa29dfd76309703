import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupSummary } from "./backup-format";
import { appliedMigrations, ident, listColumns, listSequences, listTables } from "./catalog";

const FETCH_ROWS = 500;

/**
 * Writes the whole database to `file` (see backup-format.ts) from one consistent snapshot,
 * streaming each table through a cursor so a big table never sits in memory. The file appears
 * only when complete (written beside it, then renamed).
 */
export async function backupDatabase(
  file: string,
  options: { connectionString?: string } = {},
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: options.connectionString ?? env().DATABASE_URL });
  await client.connect();
  const summary: BackupSummary = { tables: {}, migrations: [] };
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    summary.migrations = await appliedMigrations(client);
    const tables = await listTables(client);

    async function* lines() {
      yield JSON.stringify({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        takenAt: clock.now().toISOString(),
        migrations: summary.migrations,
      }) + "\n";
      for (const table of tables) {
        const columns = await listColumns(client, table);
        yield JSON.stringify({ table, columns: columns.map((c) => c.name) }) + "\n";
        // json/jsonb as their text, so a JSON null and an SQL NULL stay apart.
        const select = columns
          .map((c) => (c.json ? `${ident(c.name)}::text AS ${ident(c.name)}` : ident(c.name)))
          .join(", ");
        await client.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${select} FROM ${ident(table)}) x`,
        );
        let count = 0;
        for (;;) {
          const { rows } = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
          if (rows.length === 0) break;
          count += rows.length;
          yield rows.map((r) => r.j).join("\n") + "\n";
        }
        await client.query("CLOSE backup_rows");
        summary.tables[table] = count;
        yield JSON.stringify({ end: table, rows: count }) + "\n";
      }
      const sequences: Record<string, { value: string; called: boolean }> = {};
      for (const s of await listSequences(client)) {
        const r = (
          await client.query<{ last_value: string; is_called: boolean }>(
            `SELECT last_value::text, is_called FROM ${ident(s)}`,
          )
        ).rows[0];
        sequences[s] = { value: r.last_value, called: r.is_called };
      }
      yield JSON.stringify({ sequences }) + "\n";
      yield JSON.stringify({ done: true }) + "\n";
    }

    await pipeline(
      Readable.from(lines()),
      zlib.createGzip({ level: 6 }),
      fs.createWriteStream(partial, { mode: 0o600 }),
    );
    await client.query("COMMIT");
    fs.renameSync(partial, file);
    return summary;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
