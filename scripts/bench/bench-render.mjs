#!/usr/bin/env node
// What one render of the article page costs (issue 21: every change re-renders it, so its CPU decides
// how a busy discussion serves). The production server on its own fresh database; the seed article
// grown to each size; for each view (the default page and its newest-first view) `--renders`
// sequential cache misses (a query the page ignores makes each request a miss), with the server's
// CPU and its PostgreSQL backends' CPU per render — CPU, not wall time, since the machine is shared.
//
//   npx tsx scripts/bench/bench-render.mjs [--sizes 0,200,5000] [--renders 20] [--profile /tmp/render.cpuprofile] [--hold]
//     [--server-node-options "--max-semi-space-size=32"] [--changes 30]
//
// `--changes N`: on the last size, what a change costs the way the page is served now (cached,
// assembled from parts: scripts/lib/assemble.mjs): N new top-level comments and N replies posted
// over the API, each followed by the page's two views fetched as a browser would (brotli), against
// the same fetches without a change and the posts without a fetch. Server and PostgreSQL CPU per
// change, split into the post and the pages' update.
//
// For information (no budget): budgets live in bench-busy.mjs. `--profile` writes a V8 CPU profile
// of the server during the last size's default-view renders, or with `--changes` during the new
// threads followed by the views (open it in Chrome's DevTools).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { root } from "../lib/project.mjs";
import { cpuMeter, planDiscussion, serverPid, shownTotal, trustedPoster } from "./bench-discussion.mjs";
import { rawGet } from "./bench-measure.mjs";
import { benchCleanup, benchTable, finishBench, fmt } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "0,200,5000" },
    renders: { type: "string", default: "20" },
    profile: { type: "string" },
    hold: { type: "boolean", default: false },
    "server-node-options": { type: "string" },
    changes: { type: "string", default: "0" },
  },
});
const sizes = opts.sizes
  .split(",")
  .map(Number)
  .filter((n) => Number.isFinite(n) && n >= 0)
  .sort((a, b) => a - b);
const renders = Math.max(1, Number(opts.renders) || 20);
const profile = opts.profile ? path.resolve(opts.profile) : null;
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("render");
const log = (s) => console.log(`[bench-render] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * What a change costs the served page (see `--changes`): per cycle, server and PostgreSQL CPU for
 * the views alone (four cached fetches), a post alone, and a post followed by the views (a new
 * thread, then a reply); the page's update is the difference.
 */
async function measureChanges({ db, baseUrl, article, pageUrl, pid, changes, profile }) {
  const { setSetting } = await import("../../lib/settings/get-settings.ts");
  const suffix = Date.now().toString(36);
  const { token } = await trustedPoster({
    name: "Change Poster",
    email: `change-poster-${suffix}@bench.test`,
    password: `bench-password-${suffix}`,
  });
  await setSetting("floodIntervalMs", 0);
  const api = `${baseUrl}/api/articles/${article.slug}/comments`;
  // A thread of the default first page (the oldest): replies go to a thread both views may show.
  const [{ id: threadId }] =
    await db.$queryRaw`SELECT id FROM "Comment" WHERE "articleId" = ${article.id} AND "parentId" IS NULL AND status = 'approved' ORDER BY "createdAt" ASC LIMIT 1`;
  const views = async () => {
    for (const url of [pageUrl, `${pageUrl}?sort=newest`]) await rawGet(url); // as a browser asks (brotli)
  };
  let posted = 0;
  const post = async (n, parentId) => {
    const res = await fetch(api, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        body: `A change, number ${n} (${++posted}, ${suffix}).`,
        ...(parentId ? { parentId } : {}),
      }),
    });
    if (res.status !== 201) throw new Error(`a post answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  };
  const cycle = async (label, fn, { profiled = false } = {}) => {
    for (let i = 0; i < 3; i++) await fn(-i - 1); // warm
    if (profiled) {
      process.kill(pid, "SIGUSR2");
      await sleep(200);
    }
    const stop = await cpuMeter(db, pid);
    for (let i = 0; i < changes; i++) await fn(i);
    const cpu = await stop(changes);
    if (profiled) {
      process.kill(pid, "SIGUSR2");
      await sleep(1000);
      log(`profile of "${label}" written to ${profile}`);
    }
    log(`a change, ${label}: server ${cpu.serverMs?.toFixed(1)} ms + PostgreSQL ${cpu.postgresMs.toFixed(1)} ms CPU`);
    return cpu;
  };
  // A fetch right after the post (it may get the previous page while the new one is made) and one
  // after the update had time to finish: what readers arriving at that moment cost.
  const settle = () => sleep(150);
  const out = {};
  out["views alone (4 cached fetches)"] = await cycle("views alone", async () => {
    await views();
    await settle();
    await views();
  });
  out["a new thread, posted alone"] = await cycle("a new thread, posted alone", async (n) => {
    await post(n);
    await settle();
  });
  out["a new thread, then the views"] = await cycle(
    "a new thread, then the views",
    async (n) => {
      await post(n);
      await views();
      await settle();
      await views();
    },
    { profiled: Boolean(profile && pid) },
  );
  out["a reply, posted alone"] = await cycle("a reply, posted alone", async (n) => {
    await post(n, threadId);
    await settle();
  });
  out["a reply, then the views"] = await cycle("a reply, then the views", async (n) => {
    await post(n, threadId);
    await views();
    await settle();
    await views();
  });
  return out;
}

/** Statements run on the bench's database so far (autocommit: one transaction each), as PostgreSQL's statistics report them. */
async function statements(db) {
  await sleep(1100); // the statistics are flushed about once a second
  await db.$executeRawUnsafe(`SELECT pg_stat_clear_snapshot()`);
  const [{ n }] = await db.$queryRawUnsafe(
    `SELECT (xact_commit + xact_rollback)::float AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return n;
}

// The profiler runs inside the server (a preload: NODE_OPTIONS refuses --cpu-prof); SIGUSR2 starts
// it, the next SIGUSR2 writes the profile.
const preload = path.join(os.tmpdir(), `gloss-render-profile-${process.pid}.cjs`);
if (profile) {
  fs.writeFileSync(
    preload,
    `const inspector = require("node:inspector"); const fs = require("node:fs");
let session = null;
process.on("SIGUSR2", () => {
  if (!session) { session = new inspector.Session(); session.connect(); session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start"))); return; }
  session.post("Profiler.stop", (e, r) => { if (!e) fs.writeFileSync(${JSON.stringify(profile)}, JSON.stringify(r.profile)); session.disconnect(); session = null; });
});\n`,
  );
  cleanups.push(() => fs.rmSync(preload, { force: true }));
}

const results = { startedAt: new Date().toISOString(), cpus: os.cpus().length, renders, sizes: [] };
results.loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
const problems = [];
const t0 = Date.now();
try {
  const bench = await benchServer("bench-render", cleanups, log, {
    extraEnv:
      profile || opts["server-node-options"]
        ? {
            NODE_OPTIONS: [
              process.env.NODE_OPTIONS,
              opts["server-node-options"],
              profile ? `--require=${preload}` : null,
            ]
              .filter(Boolean)
              .join(" "),
          }
        : undefined,
  });
  const { baseUrl, db } = bench;
  const { renderSafeMarkdown } = await import("../../lib/markdown/render-safe-markdown.ts");
  const article = await db.article.findFirstOrThrow({
    where: { status: "published" },
    select: { id: true, slug: true },
  });
  const readers = Array.from({ length: 100 }, (_, i) => ({
    id: `render-reader-${i}`,
    name: `Reader ${i + 1}`,
    email: `render-reader-${i}@bench.test`,
    trustedAt: new Date(),
  }));
  await db.user.createMany({ data: readers });
  // The seed article's own comments go: each size is exactly that many.
  await db.comment.deleteMany({ where: { articleId: article.id } });
  const pid = serverPid();
  const pageUrl = `${baseUrl}/articles/${article.slug}`;
  let seeded = 0;
  let miss = 0;
  for (const size of sizes) {
    const rows = planDiscussion(
      article.id,
      readers.map((r) => r.id),
      renderSafeMarkdown,
      { commentCount: Math.max(1, size), seed: 7 + size },
    ).slice(0, size - seeded);
    for (let i = 0; i < rows.length; i += 1000) await db.comment.createMany({ data: rows.slice(i, i + 1000) });
    seeded = size;
    await db.$executeRawUnsafe(`ANALYZE "Comment"`);
    const out = { comments: size, views: {} };
    for (const [view, query] of [
      ["default", ""],
      ["newest", "sort=newest&"],
    ]) {
      const url = () => `${pageUrl}?${query}r=${++miss}`;
      for (let i = 0; i < 3; i++) await rawGet(url()); // warm
      const first = await rawGet(url());
      if (first.status !== 200) problems.push(`${size} comments, ${view}: the page answered ${first.status}`);
      const shown = shownTotal(first.body.toString("utf8"));
      if (process.env.BENCH_RENDER_SAVE)
        fs.writeFileSync(path.join(process.env.BENCH_RENDER_SAVE, `render-${size}-${view}.html`), first.body);
      const profiling = profile && pid && !opts.changes && size === sizes.at(-1) && view === "default";
      if (profiling) {
        process.kill(pid, "SIGUSR2");
        await sleep(200);
      }
      const logSql = process.env.BENCH_RENDER_LOG_SQL && size === sizes.at(-1);
      if (logSql) {
        await db.$executeRawUnsafe(`ALTER SYSTEM SET log_min_duration_statement = 0`);
        await db.$executeRawUnsafe(`SELECT pg_reload_conf()`);
        await sleep(300);
      }
      const statements0 = await statements(db);
      const stop = await cpuMeter(db, pid);
      const started = performance.now();
      for (let i = 0; i < renders; i++) await rawGet(url());
      const wallMs = (performance.now() - started) / renders;
      const cpu = await stop(renders);
      if (logSql) {
        await db.$executeRawUnsafe(`ALTER SYSTEM RESET log_min_duration_statement`);
        await db.$executeRawUnsafe(`SELECT pg_reload_conf()`);
      }
      cpu.statements = ((await statements(db)) - statements0) / renders;
      if (profiling) {
        process.kill(pid, "SIGUSR2");
        await sleep(1000);
        log(`profile written to ${profile}`);
      }
      out.views[view] = { ...cpu, wallMs, shown, htmlBytes: first.body.length };
      log(
        `${fmt(size)} comments, ${view}: server ${cpu.serverMs?.toFixed(1)} ms + PostgreSQL ${cpu.postgresMs.toFixed(1)} ms CPU a render, ${cpu.statements.toFixed(1)} statements, ${wallMs.toFixed(1)} ms wall (heading ${shown}, ${fmt(first.body.length)} bytes)`,
      );
    }
    results.sizes.push(out);
  }
  const changes = Math.max(0, Number(opts.changes) || 0);
  if (changes) results.changes = await measureChanges({ db, baseUrl, article, pageUrl, pid, changes, profile });
  if (opts.hold) {
    // Leaves the server and its database up for a look (EXPLAIN, a browser) until interrupted.
    log(`holding: ${pageUrl} on ${process.env.DATABASE_URL} — interrupt to stop`);
    await new Promise(() => {});
  }
} catch (e) {
  problems.push(`the bench could not run: ${e.message}`);
  if (process.env.BENCH_DEBUG) console.error(e);
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {});
}
results.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
const { table, row } = benchTable();
for (const s of results.sizes)
  for (const [view, v] of Object.entries(s.views))
    row(
      `${fmt(s.comments)} comments, ${view} view: CPU a render (server + PostgreSQL)`,
      `${v.serverMs?.toFixed(1)} + ${v.postgresMs.toFixed(1)} ms, ${v.statements.toFixed(1)} statements (wall ${v.wallMs.toFixed(1)} ms)`,
    );
if (results.changes)
  for (const [what, v] of Object.entries(results.changes))
    row(
      `${fmt(results.sizes.at(-1)?.comments ?? 0)} comments, a change: ${what}`,
      `${v.serverMs?.toFixed(1)} + ${v.postgresMs.toFixed(1)} ms CPU (server + PostgreSQL)`,
    );
finishBench("render", { results, table, problems, noFail: true, startedAt: t0 });
