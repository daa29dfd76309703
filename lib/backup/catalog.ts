import type pg from "pg";

// What backup and restore read from PostgreSQL's catalog: the tables of the public schema (in
// foreign-key order), their columns, and the migrations the database has applied.

export const MIGRATIONS_TABLE = "_prisma_migrations";

export type Column = { name: string; type: string; json: boolean };

/** Quotes an identifier for SQL ("User" → "\"User\""). */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The public schema's tables except the migration record, parents before children. */
export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY 1`,
      [MIGRATIONS_TABLE],
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
    )
  ).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    // A cycle between tables (none today) would leave nothing ready: take the rest alphabetically.
    for (const t of ready.length ? ready : tables.filter((x) => !placed.has(x))) {
      placed.add(t);
      ordered.push(t);
    }
  }
  return ordered;
}

/** A table's stored columns (generated ones left out: PostgreSQL computes them). */
export async function listColumns(client: pg.ClientBase, table: string): Promise<Column[]> {
  const rows = (
    await client.query<{ name: string; type: string; base: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typname AS base
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
      [ident(table)],
    )
  ).rows;
  return rows.map((r) => ({ name: r.name, type: r.type, json: r.base === "json" || r.base === "jsonb" }));
}

/** The migrations this database has applied, by name, in order. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = (await client.query(`SELECT to_regclass($1) AS t`, [`public.${ident(MIGRATIONS_TABLE)}`])).rows[0].t;
  if (!exists) return [];
  return (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM ${ident(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).rows.map((r) => r.name);
}

/** The public schema's sequences (none today: ids are cuids), so that ids continue where they were. */
export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  return (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
}
