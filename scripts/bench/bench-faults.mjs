#!/usr/bin/env node
// Faults survived (issue #14, "Tests and budgets — Faults"): the production server with
// WEB_CONCURRENCY=2 on a PostgreSQL of its own (Debian's, so it can be stopped and started).
//
// 1. PostgreSQL restarted three times while comments are posted at 50/s: every comment answered
//    201/202 is in the database afterwards (budget: 0 lost), no app process exits (0), requests
//    during the outage get 503 — never another 5xx (0) and never a refused connection (0) — and the
//    service is back ≤ 10 s after the database each time.
// 2. A rolling restart under reader load: SIGTERM one app process, wait for its replacement, then
//    the other — 0 failed reader requests at the client.
// 3. Throughput of the article page with WEB_CONCURRENCY=2 behind Debian's nginx (deploy/nginx.conf)
//    against one process straight (a figure, no budget: the machine has few cores).
// 4. A mail job whose SMTP server refuses three times is delivered on the fourth try, exactly once.
//
//   npx tsx scripts/bench/bench-faults.mjs [--smoke] [--no-fail] [--restarts 3] [--rate 50]
//
// --smoke: one restart, 20 posts/s. Results: a table on stdout and .data/bench/faults.json.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startNginx } from "../lib/nginx.mjs";
import { ensureBuild, root } from "../lib/project.mjs";
import { benchCleanup, benchTable, finishBench, fmt, quantile } from "./bench-report.mjs";

const { values: opts } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    "no-fail": { type: "boolean", default: false },
    restarts: { type: "string" },
    rate: { type: "string" },
  },
});
const smoke = opts.smoke;
const restarts = Math.max(1, Number(opts.restarts ?? (smoke ? 1 : 3)) || 3);
const rate = Math.max(1, Number(opts.rate ?? (smoke ? 20 : 50)) || 50);
const budgets = { backMs: 10_000 };
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("faults");
const log = (s) => console.log(`[bench-faults] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PG_BIN = "/usr/lib/postgresql/15/bin";
const asPostgres = (cmd) =>
  execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { stdio: "pipe", encoding: "utf8" });

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Debian's PostgreSQL on its own data directory and port; start()/stop() as often as wanted. */
async function ownPostgres() {
  if (!fs.existsSync(path.join(PG_BIN, "pg_ctl")))
    throw new Error(`needs Debian's PostgreSQL 15 (${PG_BIN}): apt-get install postgresql-15`);
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "postgres"]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-faults-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "pg");
  fs.mkdirSync(data);
  execFileSync("chown", ["postgres", data]);
  asPostgres(`${PG_BIN}/initdb -D ${data} -A trust -U postgres >/dev/null`);
  const port = await freePort();
  const start = () =>
    asPostgres(
      `${PG_BIN}/pg_ctl -D ${data} -l ${data}/log -o "-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null`,
    );
  const stop = () => asPostgres(`${PG_BIN}/pg_ctl -D ${data} -m fast -w stop >/dev/null`);
  start();
  const url = (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  return {
    adminUrl: url("postgres"),
    url,
    start,
    stop,
    dispose: () => {
      try {
        stop();
      } catch {
        /* stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain request (one socket each, no pooling); resolves with { status, body } or { error }. */
function call(base, p, { method = "GET", headers = {}, body, timeoutMs = 15_000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(base + p, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on("error", (e) => resolve({ error: e.code ?? e.message }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

async function signIn(base, email, password) {
  const csrf = await call(base, "/api/auth/csrf");
  const jar = [].concat(csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
  const { csrfToken } = JSON.parse(csrf.text);
  const res = await call(base, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }).toString(),
  });
  const session = []
    .concat(res.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=.{10,}/.test(c));
  if (!session) throw new Error(`sign-in for ${email} failed (${res.status})`);
  return [...jar, session].join("; ");
}

function childrenOf(pid) {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
}
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const startedAt = Date.now();
const results = {
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 10) / 10),
  cpus: os.cpus().length,
  restarts: [],
};
const { table, row } = benchTable();
const problems = [];

try {
  await ensureBuild();
  const pgServer = await ownPostgres();
  cleanups.push(async () => pgServer.dispose());
  const { startTestServer } = await import("../test.mjs");
  const server = await startTestServer(pgServer, { label: "bench-faults", extraEnv: { WEB_CONCURRENCY: "2" } });
  cleanups.push(server.stop);
  results.serverLog = path.join(server.runDir, "server.log");
  const base = server.baseUrl;
  const primary = childrenOf(process.pid).find((p) =>
    fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("scripts/server.mjs"),
  );
  // Both app processes up.
  for (let i = 0; i < 600 && childrenOf(primary).length < 2; i++) await sleep(100);
  for (let ok = 0, i = 0; ok < 6 && i < 600; i++) {
    ok = (await call(base, "/api/health")).status === 200 ? ok + 1 : 0;
    await sleep(50);
  }

  // An editor (no first-contribution hold), the flood interval off (one account posts 50/s).
  const email = `faults-${Date.now()}@bench.test`,
    password = "bench-faults-password-1";
  execFileSync(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      path.join("scripts", "cli.ts"),
      "user:create",
      "--email",
      email,
      "--name",
      "Fault Bench",
      "--password",
      password,
      "--role",
      "editor",
    ],
    { env: { ...process.env, ...server.env }, stdio: "pipe" },
  );
  const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await db.connect();
  await db.query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('floodIntervalMs', '0', now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
  await db.end();
  const cookie = await signIn(base, email, password);
  const slug = "iranian-and-albanian-conflict-in-lieu-of-the-recent-cyber-attacks";
  const workersBefore = childrenOf(primary);

  // ---- 1. PostgreSQL restarts under posting load ----
  const acked = [],
    statuses = {},
    errors = {};
  let phase = "before";
  const byPhase = {}; // statuses per phase: before, down-N, up-N (after the database came back)
  const countPhase = (k) => {
    (byPhase[phase] ??= {})[k] = (byPhase[phase][k] ?? 0) + 1;
  };
  let posting = true,
    n = 0;
  const inflight = new Set();
  const poster = setInterval(() => {
    if (!posting) return;
    const p = call(base, `/api/articles/${slug}/comments`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/json" },
      body: JSON.stringify({ body: `fault bench ${Date.now()} ${n++}` }),
    }).then((r) => {
      if (r.error) {
        errors[r.error] = (errors[r.error] ?? 0) + 1;
        countPhase(r.error);
        return;
      }
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      countPhase(r.status);
      if (r.status === 201 || r.status === 202) acked.push(JSON.parse(r.text).id);
    });
    inflight.add(p);
    p.finally(() => inflight.delete(p));
  }, 1000 / rate);
  await sleep(3000);
  for (let i = 0; i < restarts; i++) {
    const t0 = Date.now();
    phase = `down-${i + 1}`;
    pgServer.stop();
    const stoppedMs = Date.now() - t0;
    const health = await call(base, "/api/health", { timeoutMs: 4000 });
    const healthMs = Date.now() - t0 - stoppedMs;
    const page = await call(base, `/articles/${slug}?outage=${i}`, { headers: { accept: "text/html" } });
    await sleep(3000);
    pgServer.start();
    phase = `up-${i + 1}`;
    const t1 = Date.now();
    let backMs = null;
    while (Date.now() - t1 < 30_000) {
      if ((await call(base, "/api/health")).status === 200) {
        backMs = Date.now() - t1;
        break;
      }
      await sleep(100);
    }
    // Both processes serve again: writes through either succeed.
    results.restarts.push({
      healthStatus: health.status ?? health.error,
      healthMs,
      pageStatus: page.status ?? page.error,
      pageRetryAfter: page.headers?.["retry-after"] ?? null,
      backMs,
    });
    log(
      `restart ${i + 1}: health ${health.status ?? health.error} in ${healthMs} ms, a page ${page.status ?? page.error} (Retry-After ${page.headers?.["retry-after"]}), back ${backMs} ms after the database`,
    );
    await sleep(3000);
  }
  posting = false;
  clearInterval(poster);
  await Promise.all([...inflight]);
  const check = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await check.connect();
  const stored = (await check.query(`SELECT count(*)::int AS n FROM "Comment" WHERE id = ANY($1::text[])`, [acked]))
    .rows[0].n;
  await check.end();
  const workersAfter = childrenOf(primary);
  const serverLog = fs.readFileSync(results.serverLog, "utf8");
  const exits = (serverLog.match(/app process \d+ ended/g) ?? []).length;
  const other5xx = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500 && Number(s) !== 503)
    .reduce((a, [, v]) => a + v, 0);
  const refused = Object.values(errors).reduce((a, v) => a + v, 0);
  const backs = results.restarts.map((r) => r.backMs ?? Infinity);
  Object.assign(results, {
    posts: n,
    acked: acked.length,
    stored,
    statuses,
    byPhase,
    errors,
    exits,
    workersBefore,
    workersAfter,
  });
  log(`answers by phase: ${JSON.stringify(byPhase)}`);
  const afterLast = byPhase[`up-${restarts}`] ?? {};
  row(
    `PostgreSQL restarts under ${rate} posts/s`,
    `${restarts} restarts, ${n} posts: ${Object.entries(statuses)
      .map(([s, v]) => `${v}×${s}`)
      .join(", ")}`,
  );
  row(
    "acknowledged comments lost",
    `${acked.length - stored} of ${acked.length}`,
    "0",
    acked.length > 0 && stored === acked.length,
  );
  row(
    "app processes that exited",
    String(exits),
    "0",
    exits === 0 && alive(primary) && workersBefore.every((p) => workersAfter.includes(p)),
  );
  row("answers other than 503 among the 5xx", String(other5xx), "0", other5xx === 0);
  const refusedWrites = Object.entries(byPhase)
    .flatMap(([, v]) => Object.entries(v))
    .filter(([k]) => ["400", "401", "403", "409", "429"].includes(k))
    .reduce((a, [, v]) => a + v, 0);
  row("posts refused as if the poster were at fault (4xx)", String(refusedWrites), "0", refusedWrites === 0);
  row(
    "posts accepted after the last restart",
    `${(afterLast[201] ?? 0) + (afterLast[202] ?? 0)} of ${Object.values(afterLast).reduce((a, v) => a + v, 0)}`,
    "> 0",
    (afterLast[201] ?? 0) + (afterLast[202] ?? 0) > 0,
  );
  row(
    "requests refused / reset / timed out",
    `${refused}${refused ? " " + JSON.stringify(errors) : ""}`,
    "0",
    refused === 0,
  );
  row(
    "health while the database is down",
    results.restarts.map((r) => `${r.healthStatus} in ${r.healthMs} ms`).join("; "),
    "503 ≤ 2 s",
    results.restarts.every((r) => r.healthStatus === 503 && r.healthMs <= 2000),
  );
  row(
    "a page while the database is down",
    results.restarts.map((r) => `${r.pageStatus} (Retry-After ${r.pageRetryAfter})`).join("; "),
    "503 + Retry-After",
    results.restarts.every((r) => r.pageStatus === 503 && r.pageRetryAfter),
  );
  row(
    "service back after the database (max)",
    `${fmt(Math.max(...backs))} ms`,
    `≤ ${budgets.backMs} ms`,
    Math.max(...backs) <= budgets.backMs,
  );

  // ---- 2. A rolling restart under reader load ----
  let reading = true;
  const readerResults = { ok: 0, failed: 0, failures: {} };
  const reader = async () => {
    while (reading) {
      const r = await call(base, `/articles/${slug}`);
      if (r.status === 200) readerResults.ok++;
      else {
        readerResults.failed++;
        const k = r.error ?? r.status;
        readerResults.failures[k] = (readerResults.failures[k] ?? 0) + 1;
      }
    }
  };
  const readers = Array.from({ length: 8 }, reader);
  await sleep(2000);
  const rolled = [];
  for (const pid of childrenOf(primary)) {
    const before = childrenOf(primary);
    const t0 = Date.now();
    process.kill(pid, "SIGTERM");
    // Its replacement serves (the primary starts one as soon as it exits).
    while (Date.now() - t0 < 120_000) {
      const now = childrenOf(primary);
      if (!now.includes(pid) && now.length >= before.length) break;
      await sleep(200);
    }
    await sleep(smoke ? 4000 : 8000); // the new process prepares Next before it listens
    rolled.push({ pid, replacedMs: Date.now() - t0 });
  }
  await sleep(2000);
  reading = false;
  await Promise.all(readers);
  Object.assign(results, { rolling: { ...readerResults, rolled } });
  row(
    "rolling restart: reader requests",
    `${readerResults.ok + readerResults.failed} (${rolled.length} processes replaced)`,
  );
  row(
    "rolling restart: failed reader requests",
    `${readerResults.failed}${readerResults.failed ? " " + JSON.stringify(readerResults.failures) : ""}`,
    "0",
    readerResults.failed === 0,
  );

  // ---- 3. Throughput: 2 processes behind nginx vs 1 process straight (figures) ----
  const proxy = await startNginx({ upstreamPort: Number(new URL(base).port), root });
  cleanups.push(proxy.stop);
  const seconds = smoke ? 3 : 10;
  const t = await throughput(`${proxy.httpsUrl}/articles/${slug}`, seconds);
  const single = await startTestServer(pgServer, { label: "bench-faults-one" });
  cleanups.push(single.stop);
  const t1 = await throughput(`${single.baseUrl}/articles/${slug}`, seconds);
  Object.assign(results, { throughput: { nginxTwoProcesses: t, oneProcess: t1 } });
  row("article page, WEB_CONCURRENCY=2 behind nginx (https)", `${t.rps} req/s, p99 ${t.p99} ms`);
  row("article page, one process straight (http)", `${t1.rps} req/s, p99 ${t1.p99} ms`);

  // ---- 4. A mail the SMTP server refuses three times: delivered on the fourth try, exactly once ----
  // Driven from here with the clock a day ahead, so the server's own job worker never reaches it.
  process.env.DATABASE_URL = server.env.DATABASE_URL;
  process.env.AUTH_SECRET = server.env.AUTH_SECRET;
  const dbModule = await import("../../lib/db.ts");
  cleanups.push(() => dbModule.closeDb());
  const { clock } = await import("../../lib/clock.ts");
  const { enqueueJob } = await import("../../lib/jobs/enqueue-job.ts");
  const { runDueJobs, retryDelayMs } = await import("../../lib/jobs/run-due-jobs.ts");
  const { deliverMail } = await import("../../lib/mail/send-mail.ts");
  const { refusingSmtpServer } = await import("../../tests/support/smtp-server.ts");
  const smtp = await refusingSmtpServer(3);
  cleanups.push(() => smtp.close());
  clock.set(new Date(Date.now() + 86_400_000));
  const subject = `Refused three times ${Date.now()}`;
  await enqueueJob(dbModule.db, {
    kind: "bench:mail",
    key: subject,
    runAt: clock.now(),
    payload: { to: "reader@gloss.test", subject, text: "Hello." },
  });
  const handlers = {
    "bench:mail": (payload, job) => deliverMail(payload, { messageId: job.id, transport: smtp.transport }),
  };
  let tries = 0;
  while (tries < 8 && (await dbModule.db.job.count({ where: { key: subject } }))) {
    await runDueJobs({ handlers });
    tries++;
    clock.advance(retryDelayMs(tries));
  }
  const copies = smtp.received.filter((m) => m.subject === subject).length;
  Object.assign(results, { mailRetry: { tries, refused: smtp.refusedCount(), copies } });
  row(
    "mail refused 3 times: delivered on try / copies",
    `${tries} / ${copies}`,
    "4 / 1",
    tries === 4 && copies === 1 && smtp.refusedCount() === 3,
  );
} catch (e) {
  problems.push(
    String(e.stack ?? e)
      .split("\n")
      .slice(0, 3)
      .join(" "),
  );
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {});
}
results.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 10) / 10);
finishBench("faults", { results, table, problems, noFail: opts["no-fail"], startedAt });

/** Requests/s and p99 with 16 keep-alive connections for `seconds` after a 2 s warm-up (https with the test certificate). */
async function throughput(url, seconds) {
  const https = await import("node:https");
  const u = new URL(url);
  const lib = u.protocol === "https:" ? https : http;
  const agent = new lib.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: false });
  const times = [];
  // A warm-up first (a fresh process compiles and fills its page cache), not counted.
  const warm = Date.now() + 2000;
  const one0 = () =>
    new Promise((resolve) => {
      lib
        .get(u, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
          res.resume();
          res.on("end", resolve);
        })
        .on("error", () => resolve());
    });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < warm) await one0();
    }),
  );
  const end = Date.now() + seconds * 1000;
  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      lib
        .get(u, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) times.push(performance.now() - t0);
            resolve();
          });
        })
        .on("error", () => resolve());
    });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  agent.destroy();
  return {
    rps: Math.round(times.length / seconds),
    p99: Math.round(
      quantile(
        times.sort((a, b) => a - b),
        0.99,
      ),
    ),
  };
}
