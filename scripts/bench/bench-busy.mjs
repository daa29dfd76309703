#!/usr/bin/env node
// A busy discussion must not take the page down (issue 21): the article page's throughput while
// comments arrive, against the same run's quiet figure. The production server on its own fresh
// database of the test PostgreSQL; the seed article with a seeded discussion (200 comments, then
// grown to 5,000).
//
// For each size: the anonymous page (whole-page cache) and the page of a signed-in reader (a real
// Auth.js session cookie) under load, first quiet, then while trusted users post top-level comments
// over the API at a steady rate (2/s on 200 comments, 10/s on 5,000). Each post's marker is then
// looked for in the page's newest-first view: the time from the post's 201 to the first answer that
// shows it is "visible after".
//
//   npx tsx scripts/bench/bench-busy.mjs [--no-fail] [--connections 16] [--duration 8]
//
// Budgets: 200 comments at 2 posts/s: anonymous and signed-in ≥ 70% of quiet, p99 ≤ 100 ms, every
// new comment visible ≤ 1 s after its 201; 5,000 comments at 10 posts/s: anonymous ≥ 50% of quiet.
import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { root } from "../lib/project.mjs";
import { planDiscussion, shownTotal, trustedPoster } from "./bench-discussion.mjs";
import { browserHeaders, load, rawGet, stopLoad } from "./bench-measure.mjs";
import { benchCleanup, benchTable, finishBench, fmt, quantile } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({
  options: {
    "no-fail": { type: "boolean", default: false },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "8" },
  },
});
const connections = Math.max(1, Number(opts.connections) || 16);
const durationSec = Math.max(2, Number(opts.duration) || 8);
const budgets = { busyRatio: 0.7, busyP99Ms: 100, visibleMs: 1000, bigBusyRatio: 0.5 };
const scenarios = [
  { comments: 200, postsPerSec: 2, budgetRatio: budgets.busyRatio, signedIn: true },
  { comments: 5000, postsPerSec: 10, budgetRatio: budgets.bigBusyRatio, signedIn: false },
];
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("busy", { first: stopLoad });
const log = (s) => console.log(`[bench-busy] ${s}`);

/** Signs in through Auth.js's credentials flow, as a browser does; returns the Cookie header. */
async function signIn(baseUrl, email, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }).toString(),
  });
  keep(res);
  if (![...jar.keys()].some((k) => /session-token/.test(k)))
    throw new Error(`sign-in for ${email} gave no session cookie (${res.status})`);
  return cookie();
}

/**
 * The posting and the checks for each post's marker run in a thread of their own
 * (./bench-busy-poster.mjs), not beside autocannon: in this thread they took its time (each check
 * decodes a 250 kB page), and the load generator, not the server, lost throughput for it.
 */
function postSteadily(args) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./bench-busy-poster.mjs", import.meta.url), { workerData: args });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code && reject(new Error(`the posting thread exited with ${code}`)));
  });
}

const t0 = Date.now();
const results = {
  startedAt: new Date().toISOString(),
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  budgets,
  connections,
  durationSec,
  scenarios: [],
};
const problems = [];

try {
  const bench = await benchServer("bench-busy", cleanups, log);
  const { baseUrl } = bench;
  results.serverLog = bench.serverLog;
  const { db } = bench;
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { setSetting } = await import("../../lib/settings/get-settings.ts");
  const { invalidateArticlePages } = await import("../../lib/cache/invalidate-pages.ts");
  const { renderSafeMarkdown } = await import("../../lib/markdown/render-safe-markdown.ts");

  const article = await db.article.findFirstOrThrow({
    where: { status: "published" },
    select: { id: true, slug: true },
  });
  const suffix = crypto.randomBytes(4).toString("hex");
  const readers = Array.from({ length: 100 }, (_, i) => ({
    id: `busy-reader-${suffix}-${i}`,
    name: `Reader ${i + 1}`,
    email: `busy-reader-${i}-${suffix}@bench.test`,
    trustedAt: new Date(),
  }));
  await db.user.createMany({ data: readers });
  const posters = [];
  for (let i = 0; i < 20; i++)
    posters.push(
      await trustedPoster({
        name: `Poster ${i}`,
        email: `busy-poster-${i}-${suffix}@bench.test`,
        password: `bench-password-${suffix}`,
      }),
    );
  // The flood rule would refuse a user's second post within 15 s: this bench measures the page.
  await setSetting("floodIntervalMs", 0);
  const reader = await createUser(
    { name: "Signed-in Reader", email: `busy-signed-${suffix}@bench.test`, password: `bench-password-${suffix}` },
    { trusted: true },
  );
  const cookie = await signIn(baseUrl, reader.email, `bench-password-${suffix}`);
  const signedHeaders = { ...browserHeaders, cookie };

  const pageUrl = `${baseUrl}/articles/${article.slug}`;
  const api = `${baseUrl}/api/articles/${article.slug}/comments`;
  let seeded = 0;
  for (const scenario of scenarios) {
    // Grow the discussion to the scenario's size (the first 200 stay: the same article grows).
    const rows = planDiscussion(
      article.id,
      readers.map((r) => r.id),
      renderSafeMarkdown,
      { commentCount: scenario.comments, seed: 7 + scenario.comments },
    )
      .slice(0, scenario.comments - seeded)
      .map((r) => ({ ...r, createdAt: new Date(r.createdAt.getTime() - 86_400_000) })); // before anything posted live
    for (let i = 0; i < rows.length; i += 1000) await db.comment.createMany({ data: rows.slice(i, i + 1000) });
    seeded += rows.length;
    await db.$executeRawUnsafe(`ANALYZE "Comment"`);
    await invalidateArticlePages(article.slug);
    const first = await rawGet(pageUrl);
    const total = shownTotal(first.body.toString("utf8"));
    log(
      `${fmt(scenario.comments)} comments: the page shows ${total} in its heading, ${fmt(first.body.length)} bytes of HTML`,
    );
    if (first.status !== 200) problems.push(`the article page answered ${first.status}`);

    const out = { comments: scenario.comments, postsPerSec: scenario.postsPerSec };
    await load(pageUrl, { connections, durationSec: 2 }); // warm
    log(`quiet: anonymous ${durationSec} s at ${connections} connections…`);
    out.quietAnonymous = await load(pageUrl, { connections, durationSec });
    if (scenario.signedIn) {
      log(`quiet: signed in ${durationSec} s…`);
      out.quietSigned = await load(pageUrl, { connections, durationSec, headers: signedHeaders });
    }
    const busy = async (label, headers) => {
      log(`busy (${scenario.postsPerSec} posts/s): ${label} ${durationSec} s…`);
      const posting = postSteadily({
        api,
        posters,
        rate: scenario.postsPerSec,
        seconds: durationSec,
        checkUrl: `${pageUrl}?sort=newest`,
        label: `${scenario.comments}${label[0]}`,
      });
      const measured = await load(pageUrl, { connections, durationSec, headers });
      return { ...measured, posting: await posting };
    };
    out.busyAnonymous = await busy("anonymous", browserHeaders);
    if (scenario.signedIn) out.busySigned = await busy("signed", signedHeaders);
    for (const k of ["quietAnonymous", "quietSigned", "busyAnonymous", "busySigned"]) {
      const r = out[k];
      if (r && (r.status.non2xx || r.errors))
        problems.push(`${scenario.comments} comments, ${k}: ${r.status.non2xx} non-2xx, ${r.errors} errors`);
      if (r?.posting?.refusals.length)
        problems.push(`${scenario.comments} comments, ${k}: posts refused: ${r.posting.refusals.join("; ")}`);
    }
    seeded = scenario.comments;
    results.scenarios.push(out);
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
for (const [i, s] of results.scenarios.entries()) {
  const scenario = scenarios[i];
  const ratio = (busy, quiet) => (busy && quiet ? busy.requestsPerSec / quiet.requestsPerSec : NaN);
  const pct = (x) => `${fmt(100 * x)}%`;
  const head = `${fmt(s.comments)} comments, ${s.postsPerSec} posts/s`;
  const anon = ratio(s.busyAnonymous, s.quietAnonymous);
  row(
    `${head}: anonymous busy / quiet`,
    `${fmt(s.busyAnonymous.requestsPerSec)} / ${fmt(s.quietAnonymous.requestsPerSec)} req/s = ${pct(anon)}`,
    `≥ ${pct(scenario.budgetRatio)}`,
    anon >= scenario.budgetRatio,
  );
  row(
    "  busy latency p50 / p99",
    `${s.busyAnonymous.latencyMs.p50} / ${s.busyAnonymous.latencyMs.p99} ms`,
    scenario.signedIn ? `p99 ≤ ${budgets.busyP99Ms} ms` : "",
    scenario.signedIn ? s.busyAnonymous.latencyMs.p99 <= budgets.busyP99Ms : null,
  );
  if (s.quietSigned) {
    const signed = ratio(s.busySigned, s.quietSigned);
    row(
      `${head}: signed-in busy / quiet`,
      `${fmt(s.busySigned.requestsPerSec)} / ${fmt(s.quietSigned.requestsPerSec)} req/s = ${pct(signed)}`,
      `≥ ${pct(scenario.budgetRatio)}`,
      signed >= scenario.budgetRatio,
    );
    row(
      "  busy latency p50 / p99",
      `${s.busySigned.latencyMs.p50} / ${s.busySigned.latencyMs.p99} ms`,
      `p99 ≤ ${budgets.busyP99Ms} ms`,
      s.busySigned.latencyMs.p99 <= budgets.busyP99Ms,
    );
  }
  const visible = [...s.busyAnonymous.posting.visible, ...(s.busySigned?.posting.visible ?? [])];
  const worst = Math.max(...visible);
  row(
    `${head}: new comment visible after its 201, median / max`,
    `${fmt(quantile(visible, 0.5))} / ${Number.isFinite(worst) ? fmt(worst) : "never (2 s)"} ms (${visible.length} posts)`,
    scenario.signedIn ? `max ≤ ${budgets.visibleMs} ms` : "",
    scenario.signedIn ? worst <= budgets.visibleMs : null,
  );
}
finishBench("busy", { results, table, problems, noFail: opts["no-fail"], startedAt: t0 });
