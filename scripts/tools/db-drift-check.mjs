#!/usr/bin/env node
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
// Drift check: do the committed migrations (prisma/migrations) produce exactly prisma/schema.prisma?
//
//   DATABASE_URL=postgresql://user@host:port/db node scripts/tools/db-drift-check.mjs [--schema P] [--migrations DIR]
//
// DATABASE_URL only names the server: a throwaway shadow database is created there, the migrations
// are replayed into it by `prisma migrate diff --from-migrations ... --to-schema ... --exit-code`
// (run with the Wasm schema-engine shim unless PRISMA_SCHEMA_ENGINE_BINARY is already set), and
// the shadow database is dropped again. Prints one line; exits 0 when they match, 1 otherwise.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(root, "package.json"));
const pg = require("pg");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const schemaPath = arg("--schema", "prisma/schema.prisma");
const migrationsDir = arg("--migrations", "prisma/migrations");

function fail(message) {
  console.log(`drift check failed: ${message.replace(/\s*\n+\s*/g, " ").trim()}`);
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is not set (it should point at a PostgreSQL server)");

let serverUrl;
try {
  serverUrl = new URL(databaseUrl);
  if (!["postgres:", "postgresql:"].includes(serverUrl.protocol)) throw new Error("not a postgresql:// URL");
} catch (e) {
  fail(`invalid DATABASE_URL (${e.message})`);
}

// Keeps the query string (sslmode, schema, ...): the shadow database mirrors DATABASE_URL.
const withDb = (db) => {
  const u = new URL(serverUrl);
  u.pathname = "/" + encodeURIComponent(db);
  return u.toString();
};
const adminUrl = (db) => {
  const u = new URL(withDb(db));
  u.searchParams.delete("schema"); // a Prisma-only parameter
  return u.toString();
};

// Run SQL on the server: through DATABASE_URL's own database, or a maintenance one if it is missing.
async function onServer(sql) {
  const dbs = [decodeURIComponent(serverUrl.pathname.slice(1)), "postgres", "template1"].filter(Boolean);
  let lastError;
  for (const db of dbs) {
    const client = new pg.Client({ connectionString: adminUrl(db), connectionTimeoutMillis: 10_000 });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (e) {
      lastError = e;
      if (e.code === "3D000") continue; // database does not exist: try the next one
      throw e;
    }
    try {
      return await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

const shadowName = `prisma_drift_shadow_${process.pid}_${randomBytes(4).toString("hex")}`;
let shadowCreated = false;

async function dropShadow() {
  if (!shadowCreated) return;
  shadowCreated = false;
  try {
    await onServer(`DROP DATABASE IF EXISTS "${shadowName}"`);
  } catch (e) {
    if (e.code !== "55006") throw e; // still in use: force it (PostgreSQL 13+)
    await onServer(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    dropShadow().finally(() => process.exit(1));
  });
}

function runPrismaDiff(env) {
  const cli = require.resolve("prisma/build/index.js");
  const argv = [cli, "migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaPath, "--exit-code"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 5 * 60_000);
    child.on("error", (e) => {
      stderr += String(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

let result;
try {
  try {
    await onServer(`CREATE DATABASE "${shadowName}"`);
    shadowCreated = true;
  } catch (e) {
    fail(`could not create the shadow database on ${serverUrl.host}: ${e.message}`);
  }
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    SHADOW_DATABASE_URL: withDb(shadowName),
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "scripts", "tools", "prisma-schema-engine.mjs"),
  };
  result = await runPrismaDiff(env);
} finally {
  await dropShadow().catch((e) => {
    console.error(`warning: could not drop shadow database ${shadowName}: ${e.message}`);
  });
}

const oneLine = (text) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Loaded Prisma config|^Prisma schema loaded/.test(l))
    .join("; ");

if (result.code === 0) {
  console.log(`migrations match ${schemaPath}`);
  process.exit(0);
} else if (result.code === 2) {
  console.log(`migrations differ from ${schemaPath}: ${oneLine(result.stdout)}`);
  process.exit(1);
} else {
  fail(`prisma migrate diff exited with ${result.code}: ${oneLine(result.stderr + "\n" + result.stdout)}`);
}
