#!/usr/bin/env node
import { execFileSync } from "node:child_process";
// Live updates (issue #12, "Budgets — Live"): the article's Server-Sent Events stream
// (/api/articles/{slug}/events, lib/live) on the production server, on its own fresh database.
//
// 1. Memory: the server's RSS after a warm-up, then with 1,000 streams open on the one process
//    (budget: growth ≤ 100 MB); while they are open, one comment must reach all of them, the
//    database must see one LISTEN connection (not one per stream) and the pool must stay the pool.
// 2. Latency: 200 streams open; comments posted one at a time over the API (an API token, the
//    flood interval set to 0); for each comment and each stream, the time from the 201 arriving
//    to the comment's `created` event arriving (an event that beats the 201 counts as 0).
//    Budgets: median ≤ 300 ms, p99 ≤ 2 s.
//
//   npx tsx scripts/bench/bench-live.mjs [--smoke] [--no-fail] [--streams 1000] [--latency-streams 200] [--posts 40]
//
// --smoke: 100 streams, 20 for latency, 5 posts (that it works, not the budgets).
// Results: a table on stdout and .data/bench/live.json; exits 1 when over budget or broken (unless --no-fail).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { root } from "../lib/project.mjs";
import { benchCleanup, benchTable, finishBench, fmt, quantile } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    "no-fail": { type: "boolean", default: false },
    streams: { type: "string" },
    "latency-streams": { type: "string" },
    posts: { type: "string" },
  },
});
const smoke = opts.smoke;
const manyStreams = Math.max(1, Number(opts.streams ?? (smoke ? 100 : 1000)) || 1000);
const latencyStreams = Math.max(1, Number(opts["latency-streams"] ?? (smoke ? 20 : 200)) || 200);
const postCount = Math.max(1, Number(opts.posts ?? (smoke ? 5 : 40)) || 40);
const budgets = { medianMs: 300, p99Ms: 2000, rssGrowthMb: 100 };
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("live");
const log = (s) => console.log(`[bench-live] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function serverPid() {
  try {
    const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
    return (
      Number(
        out
          .split("\n")
          .find((l) => l.includes("scripts/server.mjs"))
          ?.trim()
          .split(/\s+/)[0],
      ) || null
    );
  } catch {
    return null;
  }
}
const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
  } catch {
    return null;
  }
};

/**
 * Opens one stream with a plain HTTP request (no pooling: one socket each, as browsers' tabs).
 * `onEvent(event, data, at)` for each event; resolves once the stream's `ready` event came.
 */
function openStream(url, onEvent) {
  return new Promise((resolve, reject) => {
    let ready = false;
    const req = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      let buf = "";
      res.on("data", (chunk) => {
        const at = performance.now();
        buf += chunk;
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === "ready" && !ready) {
            ready = true;
            resolve(close);
          } else if (event && data) onEvent(event, JSON.parse(data), at);
        }
      });
      res.on("error", () => {});
    });
    req.on("error", (e) => {
      if (!ready) reject(e);
    });
    const close = () => req.destroy();
  });
}

/** Opens `n` streams, `batch` at a time (the server's accept queue is not the subject here). */
async function openMany(url, n, onEvent, batch = 50) {
  const closers = [];
  for (let i = 0; i < n; i += batch)
    closers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, n - i) }, (_, k) =>
          openStream(url, (e, d, at) => onEvent(i + k, e, d, at)),
        ),
      )),
    );
  return () => {
    for (const c of closers) c();
  };
}

const t0 = Date.now();
const results = {
  startedAt: new Date().toISOString(),
  smoke,
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  budgets,
};
const problems = [];

try {
  const bench = await benchServer("bench-live", cleanups, log);
  const { baseUrl } = bench;
  results.serverLog = bench.serverLog;
  const { db } = bench;
  const pid = serverPid();
  if (!pid) problems.push("could not find the server's process id (no RSS figures)");
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { createApiToken } = await import("../../lib/users/api-tokens.ts");
  const { setSetting } = await import("../../lib/settings/get-settings.ts");

  const article = await db.article.findFirstOrThrow({ where: { status: "published" }, select: { slug: true } });
  const suffix = crypto.randomBytes(4).toString("hex");
  const user = await createUser(
    { name: "Live Poster", email: `live-${suffix}@bench.test`, password: `bench-password-${suffix}` },
    { trusted: true },
  );
  const { secret: token } = await createApiToken(
    { id: user.id, name: user.name, email: user.email, role: user.role, status: user.status, bannedUntil: null },
    { name: "bench" },
  );
  await setSetting("floodIntervalMs", 0);
  const streamUrl = `${baseUrl}/api/articles/${article.slug}/events`;
  let n = 0;
  const post = async () => {
    const res = await fetch(`${baseUrl}/api/articles/${article.slug}/comments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ body: `Live bench comment ${suffix} #${++n}.` }),
    });
    const at = performance.now();
    const json = await res.json().catch(() => null);
    if (res.status !== 201 || !json?.id)
      throw new Error(`posting answered ${res.status}: ${JSON.stringify(json).slice(0, 200)}`);
    return { id: json.id, at };
  };
  const listenBackends = async () =>
    Number(
      (
        await db.$queryRaw`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN gloss_live'`
      )[0].n,
    );
  const backends = async () =>
    Number(
      (
        await db.$queryRaw`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
      )[0].n,
    );

  // ---- warm-up: the page, one stream, one post ----
  await fetch(`${baseUrl}/articles/${article.slug}`).then((r) => r.arrayBuffer());
  {
    let got = null;
    const close = await openStream(streamUrl, (e, d) => {
      if (e === "comment") got = d.id;
    });
    const p = await post();
    for (let i = 0; i < 100 && got !== p.id; i++) await sleep(20);
    close();
    if (got !== p.id) problems.push("warm-up: the posted comment's event did not arrive within 2 s");
  }
  await sleep(1000);

  // ---- 1. memory with many streams ----
  const rss0 = pid ? rssMb(pid) : null;
  const backends0 = await backends();
  log(`opening ${fmt(manyStreams)} streams…`);
  const tOpen = performance.now();
  const seenBy = new Set();
  let target = null;
  let lastArrival = 0;
  const closeMany = await openMany(streamUrl, manyStreams, (i, e, d, at) => {
    if (e === "comment" && d.id === target) {
      seenBy.add(i);
      lastArrival = at;
    }
  });
  results.openSeconds = (performance.now() - tOpen) / 1000;
  await sleep(2000);
  const rss1 = pid ? rssMb(pid) : null;
  results.memory = {
    streams: manyStreams,
    rssBeforeMb: rss0,
    rssWithStreamsMb: rss1,
    growthMb: rss0 != null && rss1 != null ? rss1 - rss0 : null,
    perStreamKb: rss0 != null && rss1 != null ? ((rss1 - rss0) * 1024) / manyStreams : null,
  };
  results.listenConnections = await listenBackends();
  results.dbConnections = { before: backends0, withStreams: await backends() };
  const p = await post();
  target = p.id;
  for (let i = 0; i < 250 && seenBy.size < manyStreams; i++) await sleep(20);
  results.fanOut = {
    reached: seenBy.size,
    of: manyStreams,
    allWithinMs: seenBy.size === manyStreams ? Math.max(0, lastArrival - p.at) : null,
  };
  if (seenBy.size < manyStreams)
    problems.push(`a comment reached ${seenBy.size} of ${manyStreams} open streams within 5 s`);
  if (results.listenConnections !== 1)
    problems.push(`${results.listenConnections} LISTEN connections with ${manyStreams} streams open (expected 1)`);
  closeMany();
  log(
    `RSS ${fmt(rss0, 1)} → ${fmt(rss1, 1)} MB with ${fmt(manyStreams)} streams; ${results.listenConnections} LISTEN connection(s); database connections ${results.dbConnections.before} → ${results.dbConnections.withStreams}`,
  );
  await sleep(1500);

  // ---- 2. latency on 200 streams ----
  log(`latency: ${latencyStreams} streams, ${postCount} posts…`);
  const arrivals = new Map(); // comment id → arrival times
  const closeLatency = await openMany(streamUrl, latencyStreams, (_i, e, d, at) => {
    if (e !== "comment" || d.action !== "created") return;
    const list = arrivals.get(d.id) ?? [];
    list.push(at);
    arrivals.set(d.id, list);
  });
  await sleep(500);
  const samples = [];
  let missing = 0;
  for (let k = 0; k < postCount; k++) {
    const { id, at } = await post();
    for (let i = 0; i < 150 && (arrivals.get(id)?.length ?? 0) < latencyStreams; i++) await sleep(20);
    const got = arrivals.get(id) ?? [];
    missing += latencyStreams - got.length;
    for (const a of got) samples.push(Math.max(0, a - at));
    await sleep(100);
  }
  closeLatency();
  results.latency = {
    streams: latencyStreams,
    posts: postCount,
    samples: samples.length,
    missing,
    p50: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    p99: quantile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
  if (missing) problems.push(`${missing} of ${postCount * latencyStreams} expected events did not arrive within 3 s`);
} catch (e) {
  problems.push(`the bench could not run: ${e.message}`);
  if (process.env.BENCH_DEBUG) console.error(e);
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {});
}
results.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);

const { table, row } = benchTable();
const L = results.latency,
  M = results.memory,
  F = results.fanOut;
const judge = (ok) => (smoke ? null : ok);
row(
  `201 → event, ${L?.streams ?? latencyStreams} streams, ${L?.posts ?? postCount} posts: median`,
  L ? `${fmt(L.p50, 1)} ms` : "—",
  `≤ ${budgets.medianMs} ms`,
  judge(!!L && L.p50 <= budgets.medianMs),
);
row(
  "  p99",
  L ? `${fmt(L.p99, 1)} ms (p90 ${fmt(L.p90, 1)}, max ${fmt(L.max, 1)})` : "—",
  `≤ ${fmt(budgets.p99Ms)} ms`,
  judge(!!L && L.p99 <= budgets.p99Ms),
);
row(
  `Server RSS growth, ${fmt(M?.streams ?? manyStreams)} open streams`,
  M?.growthMb != null
    ? `${fmt(M.growthMb, 1)} MB (${fmt(M.rssBeforeMb, 0)} → ${fmt(M.rssWithStreamsMb, 0)} MB; ${fmt(M.perStreamKb, 1)} kB a stream)`
    : "—",
  `≤ ${budgets.rssGrowthMb} MB`,
  judge(M?.growthMb != null && M.growthMb <= budgets.rssGrowthMb),
);
row(
  `One comment to all ${fmt(F?.of ?? manyStreams)} streams`,
  F ? `${fmt(F.reached)} reached${F.allWithinMs != null ? `, the last after ${fmt(F.allWithinMs, 0)} ms` : ""}` : "—",
);
row(
  "LISTEN connections (database connections before → with streams)",
  results.listenConnections != null
    ? `${results.listenConnections} (${results.dbConnections.before} → ${results.dbConnections.withStreams})`
    : "—",
  "1",
  judge(results.listenConnections === 1),
);
row(
  `Opening ${fmt(manyStreams)} streams (50 at a time)`,
  results.openSeconds != null ? `${fmt(results.openSeconds, 1)} s` : "—",
);
finishBench("live", { results, table, problems, noFail: opts["no-fail"] || false, startedAt: t0 });
