// Shared pieces of the project's scripts: paths, child processes, the database for a command.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";
import { applyMigrations, MigrationError } from "./migrations.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = (pkg, rel) => path.join(root, "node_modules", pkg, rel);
export const nextBin = bin("next", "dist/bin/next");
export const prismaBin = bin("prisma", "build/index.js");
export const tsxBin = bin("tsx", "dist/cli.mjs");

/** NODE_OPTIONS that let plain Node run modules marked `server-only` (scripts/lib/outside-next.mjs). */
export function outsideNextNodeOptions(current = process.env.NODE_OPTIONS ?? "") {
  const flag = `--import=${pathToFileURL(path.join(root, "scripts", "lib", "outside-next.mjs")).href}`;
  return current.includes(flag) ? current : `${current} ${flag}`.trim();
}

export function baseEnv(extra = {}) {
  return {
    ...process.env,
    NODE_OPTIONS: outsideNextNodeOptions(),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "scripts", "tools", "prisma-schema-engine.mjs"),
    ...extra,
  };
}

/** Runs a command; resolves with its exit code (inherits stdio unless `quiet`, then returns output). */
export function run(cmd, args, { env = baseEnv(), quiet = false, cwd = root } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let out = "";
    if (quiet) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
    child.on("error", (e) => resolve({ code: 1, out: String(e) }));
  });
}

export function die(message) {
  console.error(message);
  process.exit(1);
}

export function dataDir() {
  return path.resolve(root, process.env.GLOSS_DATA_DIR ?? ".data");
}

/** AUTH_SECRET from the environment, or one generated once and kept in the data directory. */
export function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}

/** Connects once to prove the server is there; exits with one clear line if not. */
export async function checkDatabase(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const reason =
      e.code === "ECONNREFUSED"
        ? "connection refused"
        : e.code === "ENOTFOUND"
          ? "host not found"
          : e.code === "28P01"
            ? "password authentication failed"
            : e.code === "3D000"
              ? "database does not exist"
              : e.code === "28000"
                ? "access not allowed"
                : (e.message ?? String(e)).split("\n")[0];
    die(`DATABASE_URL: cannot connect to the database at ${describeUrl(url)} (${reason})`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database for `npm start`/`npm run gloss`: DATABASE_URL when set, else the embedded
 * PostgreSQL under .data/pg (database "gloss"). Returns { url, stop }.
 */
export async function appDatabase() {
  if (process.env.DATABASE_URL) {
    await checkDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const pgServer = await startEmbeddedPostgres(path.join(dataDir(), "pg"));
  await createDatabase(pgServer.url("postgres"), "gloss");
  return { url: pgServer.url("gloss"), stop: pgServer.stop, embedded: pgServer };
}

/** A throw-away database on the test PostgreSQL (.data/test-pg), never the npm start data. */
export async function testPostgres() {
  if (process.env.TEST_DATABASE_ADMIN_URL) {
    const admin = process.env.TEST_DATABASE_ADMIN_URL;
    return { adminUrl: admin, url: (db) => admin.replace(/\/[^/?]*(\?|$)/, `/${db}$1`), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(path.join(dataDir(), "test-pg"));
  return { adminUrl: server.url("postgres"), url: server.url, stop: server.stop };
}

/** Applies the committed migrations (scripts/lib/migrations.mjs: no schema engine, safe when several processes start at once). */
export async function migrate(url, { quiet = true } = {}) {
  try {
    await applyMigrations(url, {
      dir: path.join(root, "prisma", "migrations"),
      log: (line) => {
        if (!quiet || /^(Warning|Another)/.test(line)) console.log(line);
      },
    });
  } catch (e) {
    die(
      e instanceof MigrationError ? e.message : `Database migration failed: ${String(e.message ?? e).split("\n")[0]}`,
    );
  }
}

// ---- the production build: rebuilt when any input changed ----
const buildInputs = [
  "app",
  "components",
  "lib",
  "public",
  "auth.ts",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
  "prisma/schema.prisma",
  "types",
];

export function sourceHash() {
  const h = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (/(^|\/)(generated|node_modules)$/.test(p)) return;
      for (const f of fs.readdirSync(p).sort()) if (!f.endsWith(".test.ts")) walk(path.join(p, f));
    } else {
      h.update(path.relative(root, p));
      h.update(fs.readFileSync(p));
    }
  };
  for (const i of buildInputs) walk(path.join(root, i));
  return h.digest("hex");
}

export async function ensureBuild({ force = false } = {}) {
  const stamp = path.join(root, ".next", "gloss-build-hash");
  const isFresh = (hash) =>
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash &&
    fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  const hash = sourceHash();
  if (!force && isFresh(hash)) return false;
  // Another command of this checkout may be building (Next.js holds .next/lock): wait for it,
  // then use its build if it built these same sources.
  for (let attempt = 0; attempt < 60; attempt++) {
    if (attempt === 0) console.log("Building Gloss (next build)…");
    const r = await run(process.execPath, [nextBin, "build"], {
      env: baseEnv({ NODE_ENV: "production" }),
      quiet: true,
    });
    if (r.code === 0) {
      process.stdout.write(
        r.out
          .split("\n")
          .filter((l) => /^(Route|[├└┌]|✓ Compiled)/.test(l))
          .slice(0, 3)
          .join("\n") + "\n",
      );
      fs.writeFileSync(stamp, hash);
      return true;
    }
    if (!/Another next build process is already running/.test(r.out)) {
      console.error(r.out);
      die("next build failed (see above).");
    }
    if (attempt === 0) console.log("Another build of this checkout is running; waiting for it…");
    await new Promise((resolve) => setTimeout(resolve, 5000));
    if (!force && isFresh(sourceHash())) return false;
  }
  die("next build: another build kept .next/lock for 5 minutes.");
}
