#!/usr/bin/env node
import { randomUUID } from "node:crypto";
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// Point the Prisma CLI at it with PRISMA_SCHEMA_ENGINE_BINARY=/abs/path/scripts/tools/prisma-schema-engine.mjs.
// It speaks the native engine's protocol (see prisma-engines/schema-engine/cli):
//   * `--version`                     -> "schema-engine-cli <engine hash>"
//   * `[--datasource JSON] cli <cmd>`  -> can-connect-to-database | create-database | drop-database;
//                                        exit 0 on success, or 1 with a JSON error line on stderr
//   * otherwise                        -> newline-delimited JSON-RPC 2.0 on stdin/stdout
//                                        (args: --datamodels FILE..., --datasource JSON, ...)
// The RPC methods run in the official Wasm build of the same engine (@prisma/schema-engine-wasm)
// on top of @prisma/adapter-pg; only PostgreSQL is supported. Logs are JSON lines on stderr.
// stdout carries nothing but JSON-RPC messages.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

// Resolve dependencies from the project (this file lives in <project>/scripts/tools/), falling back to cwd.
const projectRequire = (() => {
  const candidates = [
    path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json"),
    path.join(process.cwd(), "package.json"),
  ];
  for (const c of candidates) {
    const req = createRequire(c);
    try {
      req.resolve("pg");
      return req;
    } catch {}
  }
  return createRequire(candidates[0]);
})();
const pg = projectRequire("pg");

const ENGINE_ERROR_CODE = 4466; // the code the native engine uses for all user-visible errors
const PANIC_EXIT_CODE = 101; // what the native engine exits with after a panic

// ---------------------------------------------------------------------------------------------
// Logging: JSON lines on stderr, shaped like the native engine's tracing output.

function log(level, fields, target = "schema_engine") {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target }) + "\n");
}

function writeStdout(text) {
  return new Promise((resolve) => {
    if (!process.stdout.write(text)) process.stdout.once("drain", resolve);
    else resolve();
  });
}

async function flushAndExit(code) {
  await writeStdout("");
  await new Promise((r) => process.stderr.write("", r));
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, cli: null, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      return argv[++i];
    };
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else if (a === "--datamodels" || a === "-d" || a.startsWith("--datamodels=")) out.datamodels.push(value());
    else if (a === "--datasource" || a.startsWith("--datasource=")) out.datasource = JSON.parse(value());
    else if (a === "--enabled-preview-features" || a.startsWith("--enabled-preview-features=")) value();
    else if (a === "--extension-types" || a.startsWith("--extension-types=")) value();
    else if (a === "cli" && out.cli === null) out.cli = "";
    else if (out.cli === "" && !a.startsWith("-")) out.cli = a;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL helpers

// adapter-pg cannot map PostgreSQL's internal single-byte `"char"` type (oid 18), which the
// schema describer reads from pg_catalog (e.g. pg_constraint.contype). Its text form is a plain
// one-character string, so report such columns as `text` (oid 25) before the adapter sees them.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// Which columns of a result were `"char"`, keyed by the result's rows array (adapter-pg passes
// that same array through queryRaw), so the adapter wrapper below can type them as Character:
// the schema describer reads e.g. pg_constraint.contype with `as char`, and PostgreSQL 18 lists
// NOT NULL constraints there too.
const charColumnsOf = new WeakMap();

function fixCharColumns(result) {
  if (Array.isArray(result)) {
    result.forEach(fixCharColumns);
    return result;
  }
  const charColumns = [];
  (result?.fields ?? []).forEach((field, i) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(i);
    }
  });
  if (charColumns.length && Array.isArray(result.rows)) charColumnsOf.set(result.rows, charColumns);
  return result;
}

const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/** Types the `"char"` columns of every queryRaw result (adapter and its transactions) as Character. */
function typeCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  // adapter-pg's executeScript splits the script on every ";", which breaks dollar-quoted
  // function bodies and string literals in migrations. Send the script whole instead: PostgreSQL's
  // simple query protocol runs several statements in one implicit transaction.
  if (typeof queryable.executeScript === "function" && queryable.client?.query) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        lastDbError = error;
        queryable.onError(error);
      }
    };
  }
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => typeCharColumns(await startTransaction(...args));
  }
  return queryable;
}

class CharSafeClient extends pg.Client {
  query(config, values, callback) {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => {
        if (err) lastDbError = err;
        callback(err, err ? res : fixCharColumns(res));
      });
    }
    return super.query(config, values).then(fixCharColumns, (err) => {
      lastDbError = err;
      throw err;
    });
  }
}

// The last error PostgreSQL returned (its SQLSTATE code does not survive the trip through Wasm).
let lastDbError = null;

function parseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw userError("P1013", `The provided database string is invalid. The scheme is not recognized in database URL.`);
  }
  if (!["postgres:", "postgresql:"].includes(u.protocol)) {
    throw userError(
      "P1013",
      `The provided database string is invalid. This schema engine shim supports only postgresql:// URLs (got \`${u.protocol}\`).`,
    );
  }
  const host = u.searchParams.get("host") || decodeURIComponent(u.hostname) || "localhost";
  const port = u.port || u.searchParams.get("port") || "5432";
  const user = decodeURIComponent(u.username) || process.env.PGUSER || "postgres";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || user;
  const schema = u.searchParams.get("schema") || "public";
  return { url: u, host, port, user, database, schema, location: `${host}:${port}` };
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

function poolConfig(url) {
  const info = parseUrl(url);
  // `schema` is a Prisma-only parameter: strip it from what pg sees, set search_path instead.
  const u = new URL(info.url);
  u.searchParams.delete("schema");
  const config = { connectionString: u.toString(), Client: CharSafeClient, max: 4 };
  if (info.schema !== "public") config.options = `-c search_path="${info.schema.replace(/"/g, '""')}"`;
  return { config, info };
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

function userError(code, message, meta = {}) {
  const e = new Error(message);
  e.errorCode = code;
  e.meta = meta;
  return e;
}

// Map a pg / network error to the native engine's user-facing error codes.
function pgError(err, info) {
  const loc = info?.location ?? "";
  switch (err?.code) {
    case "3D000":
      return userError("P1003", `Database \`${info.database}\` does not exist on the database server at \`${loc}\`.`, {
        database_name: info.database,
        database_host: info.host,
        database_port: Number(info.port),
      });
    case "28P01":
    case "28000":
      return userError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${info.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      );
    case "42501":
      return userError("P1010", `User was denied access on the database \`${info.database}\``);
    case "42P04":
      return userError("P1009", `Database \`${info.database}\` already exists on the database server at \`${loc}\``);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ECONNRESET":
    case "ETIMEDOUT":
      return userError(
        "P1001",
        `Can't reach database server at \`${loc}\`\n\nPlease make sure your database server is running at \`${loc}\`.`,
      );
    default:
      if (err?.errorCode) return err;
      return userError("", err?.message ?? String(err));
  }
}

async function withClient(url, fn) {
  const { config, info } = poolConfig(url);
  const client = new pg.Client({ ...config, Client: undefined, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (e) {
    throw pgError(e, info);
  }
  try {
    return await fn(client, info); // query errors are mapped by the caller, who knows the target
  } finally {
    await client.end().catch(() => {});
  }
}

// Connect to a maintenance database on the same server (like the native engine does).
async function withAdminClient(url, fn) {
  let lastError;
  for (const db of ["postgres", "template1"]) {
    try {
      return await withClient(withDatabase(url, db), (client) => fn(client));
    } catch (e) {
      lastError = e;
      if (e.errorCode !== "P1003") break;
    }
  }
  throw lastError;
}

// Any connection to the server of `url`: its own database, or a maintenance one if that is missing.
async function withServerClient(url, fn) {
  try {
    return await withClient(url, fn);
  } catch (e) {
    if (e.errorCode !== "P1003") throw e;
    return withAdminClient(url, fn);
  }
}

async function canConnect(url) {
  const { info } = poolConfig(url);
  await withClient(url, (c) => c.query("SELECT 1")).catch((e) => {
    throw pgError(e, info);
  });
}

async function createDatabase(url) {
  const { info } = poolConfig(url);
  try {
    await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(info.database)}`));
  } catch (e) {
    throw pgError(e, info);
  }
  return info.database;
}

async function dropDatabase(url) {
  const { info } = poolConfig(url);
  await withAdminClient(url, (c) => c.query(`DROP DATABASE ${quoteIdent(info.database)}`)).catch((e) => {
    throw pgError(e, info);
  });
}

// ---------------------------------------------------------------------------------------------
// `cli` sub-commands (no Wasm needed)

async function runCli(args) {
  log("INFO", { message: "Starting schema engine CLI", git_hash: engineHash() });
  try {
    const url = args.datasource?.url;
    if (!url)
      throw userError(
        "P1012",
        "The datasource.url property is required in your Prisma config file when using this command.",
      );
    let message;
    switch (args.cli) {
      case "can-connect-to-database":
        await canConnect(url);
        message = "Connection successful";
        break;
      case "create-database":
        message = `Database '${await createDatabase(url)}' was successfully created.`;
        break;
      case "drop-database":
        await dropDatabase(url);
        message = "The database was successfully dropped.";
        break;
      default:
        throw userError(
          "",
          `Unknown cli sub-command \`${args.cli}\`. Expected one of: can-connect-to-database, create-database, drop-database.`,
        );
    }
    log("INFO", { message });
    await flushAndExit(0);
  } catch (e) {
    const err = e?.errorCode !== undefined ? e : pgError(e);
    log("ERROR", { is_panic: false, error_code: err.errorCode ?? "", message: err.message }, "schema_engine::logger");
    await flushAndExit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Wasm engine

let wasmBindings = null;
const panicRegistry = {
  message: "",
  set_message(message) {
    this.message = message;
    onPanicRegistered(message);
  },
  get() {
    return this.message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
globalThis.global ??= globalThis;

function engineDir() {
  return path.dirname(projectRequire.resolve("@prisma/schema-engine-wasm"));
}

function engineHash() {
  try {
    return JSON.parse(fs.readFileSync(path.join(engineDir(), "package.json"), "utf8"))
      .version.split(".")
      .pop();
  } catch {
    return "unknown";
  }
}

async function loadWasm() {
  if (wasmBindings) return wasmBindings;
  const dir = engineDir();
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmBindings = bg;
  return bg;
}

function loadAdapterPg() {
  const adapterPath = projectRequire.resolve("@prisma/adapter-pg");
  const { PrismaPg } = projectRequire("@prisma/adapter-pg");
  const utils = createRequire(adapterPath)("@prisma/driver-adapter-utils");
  return { PrismaPg, bindMigrationAwareSqlAdapterFactory: utils.bindMigrationAwareSqlAdapterFactory };
}

// A SqlMigrationAwareDriverAdapterFactory built on adapter-pg, with the shadow database handled
// here rather than by PrismaPg.connectToShadowDb (whose connection string overrides the shadow
// database name and which drops the database while its own pool is still connected).
function makeAdapterFactory(datasource) {
  const { PrismaPg } = loadAdapterPg();
  const mainUrl = datasource?.url;
  const shadowUrl = datasource?.shadowDatabaseUrl;

  const open = async (url) => {
    const { config, info } = poolConfig(url);
    const pool = new pg.Pool(config);
    pool.on("error", (e) => log("WARN", { message: `idle PostgreSQL client error: ${e.message}` }));
    const options = { disposeExternalPool: true, ...(info.schema !== "public" ? { schema: info.schema } : {}) };
    return typeCharColumns(await new PrismaPg(pool, options).connect());
  };

  const withRelease = (adapter, after) => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      try {
        await dispose(); // ends the shadow pool first...
      } finally {
        await after(); // ...then it is safe to drop/clean the shadow database
      }
    };
    return adapter;
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      if (!mainUrl) {
        // Commands such as `migrate diff --from-empty --to-schema` need no database; keep a
        // lazily-connecting pool so the engine can start.
        return open("postgresql://localhost/postgres");
      }
      return open(mainUrl);
    },
    async connectToShadowDb() {
      if (shadowUrl) {
        const main = mainUrl ? parseUrl(mainUrl) : null;
        const shadow = parseUrl(shadowUrl);
        if (main && main.location === shadow.location && main.database === shadow.database) {
          throw userError(
            "",
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
          );
        }
        // Like the native engine, start from an empty shadow database.
        await resetDatabase(shadowUrl);
        return open(shadowUrl);
      }
      if (!mainUrl)
        throw userError("P1012", "A datasource url (or shadowDatabaseUrl) is required to create a shadow database.");
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      try {
        await withServerClient(mainUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      } catch (e) {
        throw userError(
          "P3014",
          `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: ${e.message}`,
        );
      }
      const shadowDbUrl = withDatabase(mainUrl, name);
      await ensureSchema(shadowDbUrl).catch(async (e) => {
        await dropShadow(mainUrl, name);
        throw e;
      });
      const adapter = await open(shadowDbUrl);
      return withRelease(adapter, () => dropShadow(mainUrl, name));
    },
  };
}

async function dropShadow(mainUrl, name) {
  try {
    await withServerClient(mainUrl, async (c) => {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      } catch (e) {
        if (e.code !== "55006") throw e; // still in use: force it (PostgreSQL 13+)
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }
    });
  } catch (e) {
    log("WARN", { message: `could not drop shadow database ${name}: ${e.message}` });
  }
}

async function resetDatabase(url) {
  await withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    for (const { nspname } of rows) await c.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    await c.query(`CREATE SCHEMA IF NOT EXISTS "public"`);
  });
  await ensureSchema(url);
}

// A fresh shadow database has only `public`; create the schema the URL selects (`?schema=`).
async function ensureSchema(url) {
  const { info } = poolConfig(url);
  if (info.schema === "public") return;
  await withClient(url, (c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(info.schema)}`));
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server

let engine = null;
let enginePromise = null;
let args = null;
const inFlight = new Map(); // request id -> request (currently being served)
let panicked = false;
let panicTimer = null;

let errorRegistry = null; // JS errors thrown inside the adapter reach the engine as "External error id#N"

// Recover the JS error behind the engine's "External error id#N" message.
function resolveExternalError(e) {
  const m = /External error id#(\d+)/.exec(String(e?.message ?? ""));
  const original = m ? errorRegistry?.consumeError(Number(m[1]))?.error : null;
  if (!original) return e;
  return original.errorCode !== undefined ? original : pgError(original);
}

async function getEngine() {
  if (engine) return engine;
  enginePromise ??= (async () => {
    const bg = await loadWasm();
    const { bindMigrationAwareSqlAdapterFactory } = loadAdapterPg();
    const datamodels = args.datamodels.length ? args.datamodels.map((p) => [p, fs.readFileSync(p, "utf8")]) : undefined;
    const logCallback = (line) => {
      const text = String(line);
      process.stderr.write(text.endsWith("\n") ? text : text + "\n");
    };
    const factory = makeAdapterFactory(args.datasource);
    const bind = (f) => {
      const bound = bindMigrationAwareSqlAdapterFactory(f);
      errorRegistry = bound.errorRegistry;
      return bound;
    };
    try {
      engine = await bg.SchemaEngine.new({ datamodels }, logCallback, bind(factory));
    } catch (e) {
      // The Wasm engine connects at start-up, the native one only when a command needs the
      // database. So that `migrate diff --from-empty --to-schema ...` works without a reachable
      // database (as it does natively), start it on a stand-in connection that only answers the
      // start-up probe; any real use of the main database then fails with the original error.
      const reason = await probeMainDatabase();
      if (!reason || panicked) throw e;
      const offline = {
        ...factory,
        connect: async () => offlineAdapter(reason),
        connectToShadowDb: factory.connectToShadowDb,
      };
      engine = await bg.SchemaEngine.new({ datamodels }, logCallback, bind(offline));
    }
    return engine;
  })();
  try {
    return await enginePromise;
  } catch (e) {
    enginePromise = null;
    throw e;
  }
}

// Returns the mapped connection error if the main database cannot be used, else null.
async function probeMainDatabase() {
  try {
    await canConnect(args.datasource?.url);
    return null;
  } catch (e) {
    return e?.errorCode !== undefined ? e : pgError(e);
  }
}

function offlineAdapter(reason) {
  const fail = async () => {
    throw reason;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      // The connector's start-up probe: does the schema exist, and which server version is this.
      if (/FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(query.sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [5 /* Boolean */, 7 /* Text */, 0 /* Int32 */],
          rows: [[true, "PostgreSQL 15.0 (database not reachable)", 150000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

let nextOutgoingId = 0;
const outgoing = new Map();

function send(message) {
  return writeStdout(JSON.stringify(message, (_k, v) => (v === undefined ? null : v)) + "\n");
}

// Ask the CLI to print `text` to its stdout (the native engine's `print` request).
async function hostPrint(text) {
  if (!text) return;
  const content = text.endsWith("\n") ? text.slice(0, -1) : text;
  const id = nextOutgoingId++;
  const done = new Promise((resolve, reject) => outgoing.set(id, { resolve, reject }));
  await send({ jsonrpc: "2.0", method: "print", params: { content }, id });
  await done;
}

function stripSpanTrace(message) {
  // Wasm errors carry a tracing span trace ("   0: schema_engine_wasm::...\n at file:line").
  return String(message ?? "")
    .replace(/\n\s+0: [\w:]+[\s\S]*$/, "")
    .trimEnd();
}

// The Wasm engine reports a failed migration as a bare "external connector error"; rebuild the
// native engine's P3018 error from the span trace (migration name) and the last database error.
function migrationFailure(e) {
  const text = String(e?.message ?? "");
  if (e?.errorCode !== undefined || !text.startsWith("external connector error")) return e;
  const m = /apply_migration::apply_script\s+with migration_name="((?:[^"\\]|\\.)*)"/.exec(text);
  if (!m) return e;
  const migrationName = m[1];
  const databaseError = stripSpanTrace(text).replace(
    /^external connector error\n?(Error querying the database: )?/,
    "",
  );
  const code = lastDbError?.code ?? "";
  return userError(
    "P3018",
    `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${migrationName}\n\nDatabase error code: ${code}\n\nDatabase error:\n${databaseError}`,
    { migration_name: migrationName, database_error_code: code, database_error: databaseError },
  );
}

function errorResponse(id, e) {
  if (process.env.PRISMA_SCHEMA_ENGINE_SHIM_DEBUG) {
    log("DEBUG", { message: "request failed", id, error: { ...e, message: e?.message, stack: e?.stack } });
  }
  if (e?.isPanic) {
    return {
      jsonrpc: "2.0",
      error: {
        code: ENGINE_ERROR_CODE,
        message: e.message, // what the CLI shows for a panic
        data: { is_panic: true, message: e.message, backtrace: e.stack ?? null },
      },
      id,
    };
  }
  const code = e?.errorCode ?? e?.code;
  const data = {
    is_panic: false,
    message: stripSpanTrace(e?.message ?? String(e)),
    meta: e?.meta ?? null,
    error_code: typeof code === "string" && /^P\d{4}$/.test(code) ? code : null,
  };
  if (!data.error_code) delete data.error_code;
  return {
    jsonrpc: "2.0",
    error: { code: ENGINE_ERROR_CODE, message: "An error happened. Check the data field for details.", data },
    id,
  };
}

function toPanic(e) {
  const message = `Wasm schema engine panicked: ${panicRegistry.message || `RuntimeError: ${e?.message ?? e}`}`;
  const err = new Error(message);
  err.isPanic = true;
  err.stack = e?.stack;
  return err;
}

const isWasmTrap = (e) => e instanceof WebAssembly.RuntimeError || panicked;

function resolveUrl(datasourceParam) {
  if (datasourceParam?.tag === "ConnectionString" && datasourceParam.url) return datasourceParam.url;
  if (args.datasource?.url) return args.datasource.url;
  throw userError(
    "P1012",
    "The datasource.url property is required in your Prisma config file when using this command.",
  );
}

const handlers = {
  async createDatabase(params) {
    return { databaseName: await createDatabase(resolveUrl(params?.datasource)) };
  },
  async dropDatabase(params) {
    await dropDatabase(resolveUrl(params?.datasource ?? params));
    return {};
  },
  async ensureConnectionValidity(params) {
    await canConnect(resolveUrl(params?.datasource));
    return {};
  },
  async getDatabaseVersion(params) {
    return (await getEngine()).version(params ?? undefined);
  },
  async diff(params) {
    const result = await (await getEngine()).diff(params);
    if (result?.stdout) await hostPrint(result.stdout);
    return { exitCode: result?.exitCode ?? 0, stdout: null };
  },
  async debugPanic() {
    (await getEngine()).debugPanic();
    return {};
  },
};
for (const m of [
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]) {
  handlers[m] = async (params) => {
    const eng = await getEngine();
    const needsShadow = (e) => /shadow DB must be provided through an external factory/.test(String(e?.message));
    let result;
    try {
      try {
        result = await eng[m](params);
      } catch (e) {
        // In the Wasm build, createMigration/evaluateDataLoss (`migrate dev`) cannot open a shadow
        // database themselves: they only read the schema of the migration history from a cache
        // that diagnoseMigrationHistory fills (using the adapter's shadow database). Fill it and retry.
        if (!needsShadow(e) || !params?.migrationsList) throw e;
        await eng.diagnoseMigrationHistory({
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        });
        result = await eng[m](params);
      }
    } catch (e) {
      if (needsShadow(e)) {
        throw userError(
          "",
          `The Wasm schema engine shim (scripts/tools/prisma-schema-engine.mjs) could not get a shadow database for \`${m}\` (used by \`prisma migrate dev\`).\n` +
            "Write the next migration with:\n" +
            "  prisma migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --script > prisma/migrations/<timestamp>_<name>/migration.sql\n" +
            "and apply it with `prisma migrate deploy`.",
        );
      }
      throw e;
    }
    return result === undefined ? {} : result;
  };
}

// Requests are served one at a time: the Wasm engine methods take `&mut self`.
let queue = Promise.resolve();

function handleRequest(msg) {
  queue = queue.then(async () => {
    if (panicked) return send(errorResponse(msg.id, toPanic()));
    const handler = Object.hasOwn(handlers, msg.method) ? handlers[msg.method] : null;
    if (!handler) {
      return send({ jsonrpc: "2.0", error: { code: -32601, message: "Method not found" }, id: msg.id });
    }
    inFlight.set(msg.id, msg);
    try {
      const result = await handler(msg.params ?? {});
      if (!inFlight.has(msg.id)) return; // already answered by the panic handler
      inFlight.delete(msg.id);
      await send({ jsonrpc: "2.0", result, id: msg.id });
    } catch (e) {
      if (!inFlight.has(msg.id)) return;
      if (isWasmTrap(e)) return panic(toPanic(e)); // answers msg.id too
      inFlight.delete(msg.id);
      await send(errorResponse(msg.id, migrationFailure(resolveExternalError(e))));
    }
  });
}

// A Wasm panic poisons the instance. Answer every open request with a panic error, log it the
// way the native engine does, and exit 101 (never 0).
async function panic(err) {
  panicked = true;
  log("ERROR", { is_panic: true, message: err.message, backtrace: err.stack ?? "" }, "schema_engine");
  for (const id of [...inFlight.keys()]) {
    inFlight.delete(id);
    await send(errorResponse(id, err));
  }
  await flushAndExit(PANIC_EXIT_CODE);
}

// The panic hook runs before the Wasm trap. When the trap happens inside a promise callback the
// engine's promise may never settle, so give it a moment and then fail the request ourselves.
function onPanicRegistered() {
  panicked = true;
  clearTimeout(panicTimer);
  panicTimer = setTimeout(() => panic(toPanic()), 50);
}

function startServer() {
  log("INFO", { message: "Starting schema engine RPC server", git_hash: engineHash() });
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error" }, id: null });
      return;
    }
    if (msg.method !== undefined) {
      if (msg.id === undefined || msg.id === null) return; // notification: nothing to answer
      handleRequest(msg);
    } else if (msg.id !== undefined && outgoing.has(msg.id)) {
      const { resolve, reject } = outgoing.get(msg.id);
      outgoing.delete(msg.id);
      if (msg.error) reject(new Error(msg.error.message ?? "print failed"));
      else resolve(msg.result);
    }
  });
  rl.on("close", () => {
    queue = queue.then(async () => {
      try {
        if (engine) engine.free();
      } catch {}
      await flushAndExit(0);
    });
  });
}

process.on("uncaughtException", (e) => {
  if (isWasmTrap(e)) return void panic(toPanic(e));
  log("ERROR", { is_panic: true, message: `uncaught exception: ${e?.stack ?? e}` });
  for (const id of [...inFlight.keys()]) {
    inFlight.delete(id);
    send(errorResponse(id, e));
  }
  flushAndExit(PANIC_EXIT_CODE);
});
process.on("unhandledRejection", (e) => {
  if (isWasmTrap(e)) return void panic(toPanic(e));
  log("WARN", { message: `unhandled rejection: ${e?.stack ?? e}` });
});
process.stdout.on("error", () => process.exit(1)); // the CLI went away
process.on("SIGTERM", () => flushAndExit(0));

// ---------------------------------------------------------------------------------------------

try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  log(
    "ERROR",
    { is_panic: false, error_code: "", message: `Invalid arguments: ${e.message}` },
    "schema_engine::logger",
  );
  await flushAndExit(1);
}

if (args.version) {
  await writeStdout(`schema-engine-cli ${engineHash()}\n`);
  await flushAndExit(0);
} else if (args.help) {
  await writeStdout(
    "schema-engine-cli (Wasm shim)\n\nUSAGE:\n    prisma-schema-engine.mjs [--datamodels FILE]... [--datasource JSON] [cli <can-connect-to-database|create-database|drop-database>]\n\nWithout a sub-command it serves JSON-RPC on stdin/stdout.\n",
  );
  await flushAndExit(0);
} else if (args.cli !== null) {
  await runCli(args);
} else {
  startServer();
}
