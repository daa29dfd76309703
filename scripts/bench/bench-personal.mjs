#!/usr/bin/env node
import { execFileSync } from "node:child_process";
// Participation at the speed of reading (issue #12): the article page's HTML is the same for every
// viewer and cached (scripts/lib/shared-pages.mjs); what is personal comes from one small request
// (GET /api/me/articles/{slug}). The seeded article with 200 approved comments, the production
// server on its own fresh database. In one run, at 16 connections: the page for an anonymous
// reader, the same page for a signed-in reader (a real session cookie, from the sign-in form), and
// the signed-in reader's personal request. For information, the page rendered per request for the
// signed-in reader (?replyTo=: the no-JavaScript reply page — what every signed-in page cost before).
//
//   npx tsx scripts/bench/bench-personal.mjs [--no-fail] [--comments 200] [--connections 16] [--duration 10]
//
// Budgets: signed-in page ≥ 50% of the anonymous throughput of the same run, p99 ≤ 50 ms; the
// personal request p99 ≤ 30 ms. Results: a table on stdout and .data/bench/personal.json; exits 1
// when over budget or broken (unless --no-fail).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { root } from "../lib/project.mjs";
import { browserHeaders, load, rawGet, stopLoad } from "./bench-measure.mjs";
import { benchCleanup, benchTable, finishBench, fmt } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({
  options: {
    "no-fail": { type: "boolean", default: false },
    comments: { type: "string", default: "200" },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
  },
});
const commentCount = Math.max(1, Number(opts.comments) || 200);
const connections = Math.max(1, Number(opts.connections) || 16);
const durationSec = Math.max(1, Number(opts.duration) || 10);
const budgets = { signedShare: 0.5, signedP99Ms: 50, personalP99Ms: 30 };
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("personal", { first: stopLoad });
const log = (s) => console.log(`[bench-personal] ${s}`);

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does; returns the Cookie header. */
async function signIn(baseUrl, email, password) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (HTTP ${answer.status})`);
  return session;
}

// CPU time from /proc (Linux): on a busy machine the wall times say little; the server's CPU
// milliseconds per request say what an idle one needs (as bench-comments.mjs reports them).
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
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

const t0 = Date.now();
const results = {
  startedAt: new Date().toISOString(),
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  budgets,
  connections,
  durationSec,
};
const problems = [];

try {
  const bench = await benchServer("bench-personal", cleanups, log);
  const { baseUrl } = bench;
  results.serverLog = bench.serverLog;
  const { db } = bench;
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { invalidateArticlePages } = await import("../../lib/cache/invalidate-pages.ts");
  const { renderSafeMarkdown } = await import("../../lib/markdown/render-safe-markdown.ts");

  // ---- the seed: the published article, 20 authors, the discussion (a third of it replies) ----
  const article = await db.article.findFirstOrThrow({
    where: { status: "published" },
    select: { id: true, slug: true },
  });
  const suffix = crypto.randomBytes(4).toString("hex");
  const authors = Array.from({ length: 20 }, (_, i) => ({
    id: `bench-author-${suffix}-${i}`,
    name: `Author ${i + 1}`,
    email: `author-${i}-${suffix}@bench.test`,
    trustedAt: new Date(),
  }));
  await db.user.createMany({ data: authors });
  const password = `bench-password-${suffix}`;
  const reader = await createUser(
    { name: `Bench Reader ${suffix}`, email: `reader-${suffix}@bench.test`, password },
    { trusted: true },
  );
  const rows = [];
  const start = Date.now() - 86_400_000;
  for (let i = 0; i < commentCount; i++) {
    const parent = i % 3 === 2 ? rows[i - 1 - (i % 7 === 0 ? 1 : 0)] : null;
    const id = crypto.randomBytes(12).toString("hex");
    const body = `Comment ${i + 1}: the *argument* about jurisdiction and the tribunal's reading of the treaty, point ${i}.`;
    rows.push({
      id,
      articleId: article.id,
      parentId: parent && parent.depth < 5 ? parent.id : null,
      threadId: parent && parent.depth < 5 ? parent.threadId : id,
      depth: parent && parent.depth < 5 ? parent.depth + 1 : 0,
      authorId: i % 10 === 0 ? reader.id : authors[i % authors.length].id,
      body,
      html: renderSafeMarkdown(body),
      status: "approved",
      holdReasons: [],
      likeCount: i % 5,
      createdAt: new Date(start + i * 60_000),
    });
  }
  await db.comment.createMany({ data: rows });
  await invalidateArticlePages(article.slug);
  log(`seeded ${rows.length} comments on /articles/${article.slug}`);

  const cookie = await signIn(baseUrl, reader.email, password);
  const signedHeaders = { ...browserHeaders, cookie };
  const pageUrl = `${baseUrl}/articles/${article.slug}`;
  const personalUrl = `${baseUrl}/api/me/articles/${article.slug}`;

  // The same bytes for both (the cache may serve them to everyone), and a real personal answer.
  const signed = await rawGet(pageUrl, signedHeaders); // the signed-in reader renders it first: cached for everyone
  const anon = await rawGet(pageUrl);
  const personal = await rawGet(personalUrl, { ...signedHeaders, accept: "application/json" });
  if (anon.status !== 200 || signed.status !== 200)
    problems.push(`the article page answered ${anon.status} / ${signed.status}`);
  if (!anon.body.equals(signed.body)) problems.push("the signed-in reader's page differs from the anonymous one");
  // (Their name is on the page as the author of public comments; their account is not.)
  for (const personalBit of [reader.email, `Account: ${reader.name}`, "Sign out"])
    if (signed.body.toString("utf8").includes(personalBit)) problems.push(`the shared page carries "${personalBit}"`);
  const me = JSON.parse(personal.body.toString("utf8") || "{}");
  if (me.viewer?.name !== reader.name)
    problems.push(`the personal request did not name the reader (HTTP ${personal.status})`);
  if (personal.headers["cache-control"] !== "private, no-store")
    problems.push(`the personal request's Cache-Control is ${personal.headers["cache-control"]}`);
  results.page = {
    bytes: anon.body.length,
    sentBytes: anon.raw.length,
    encoding: anon.encoding,
    commentsOnPage: (anon.body.toString("utf8").match(/id="comment-/g) ?? []).length,
  };
  results.personal = { bytes: personal.body.length, sentBytes: personal.raw.length, own: me.own?.length ?? null };
  log(
    `page ${fmt(results.page.bytes)} bytes (${results.page.commentsOnPage} comments); personal answer ${fmt(results.personal.bytes)} bytes`,
  );

  const pid = serverPid();
  const run = async (label, url, headers) => {
    log(`${label}: 2 s warm-up, then ${durationSec} s at ${connections} connections…`);
    await load(url, { connections, durationSec: 2, headers });
    const before = pid ? cpuMs(pid) : null;
    const r = await load(url, { connections, durationSec, headers });
    const after = pid ? cpuMs(pid) : null;
    r.serverCpuMsPerRequest = before !== null && after !== null && r.requests ? (after - before) / r.requests : null;
    if (!r.requests) problems.push(`${label}: no requests completed`);
    if (r.status.non2xx || r.errors)
      problems.push(`${label}: ${r.status.non2xx} non-2xx responses, ${r.errors} errors`);
    return r;
  };
  results.anonymous = await run("anonymous page", pageUrl, browserHeaders);
  results.signedIn = await run("signed-in page", pageUrl, signedHeaders);
  results.personalRequest = await run("personal request", personalUrl, {
    ...signedHeaders,
    accept: "application/json",
  });
  results.whoAmI = await run("GET /api/me (for comparison: a full Auth.js session read)", `${baseUrl}/api/me`, {
    ...signedHeaders,
    accept: "application/json",
  });
  // For information: the per-request render a signed-in page used to be (now only the no-JS reply page).
  const replyUrl = `${pageUrl}?replyTo=${rows[0].id}`;
  log(`per-request render (?replyTo=): 5 s at 4 connections…`);
  results.perRequest = await load(replyUrl, { connections: 4, durationSec: 5, headers: signedHeaders });
} catch (e) {
  problems.push(`the bench could not run: ${e.message}`);
  if (process.env.BENCH_DEBUG) console.error(e);
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {});
}
results.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);

const { table, row } = benchTable();
const A = results.anonymous,
  S = results.signedIn,
  P = results.personalRequest,
  R = results.perRequest;
const share = A && S && A.requestsPerSec ? S.requestsPerSec / A.requestsPerSec : NaN;
row(
  `Article page, ${commentCount} comments, anonymous: req/s`,
  A ? `${fmt(A.requestsPerSec)} (p50 ${A.latencyMs.p50} / p99 ${A.latencyMs.p99} ms)` : "—",
);
row(
  "Same page, signed in (session cookie): req/s",
  S ? `${fmt(S.requestsPerSec)} (${fmt(share * 100)}% of anonymous)` : "—",
  `≥ ${budgets.signedShare * 100}%`,
  S ? share >= budgets.signedShare : false,
);
row(
  "  latency p50 / p99",
  S ? `${S.latencyMs.p50} / ${S.latencyMs.p99} ms` : "—",
  `p99 ≤ ${budgets.signedP99Ms} ms`,
  S ? S.latencyMs.p99 <= budgets.signedP99Ms : false,
);
row(
  "Personal request (GET /api/me/articles/{slug}): req/s",
  P ? `${fmt(P.requestsPerSec)} (p50 ${P.latencyMs.p50} ms)` : "—",
);
row(
  "  latency p99",
  P ? `${P.latencyMs.p99} ms` : "—",
  `≤ ${budgets.personalP99Ms} ms`,
  P ? P.latencyMs.p99 <= budgets.personalP99Ms : false,
);
row(
  "  server CPU per personal request",
  P?.serverCpuMsPerRequest != null
    ? `${fmt(P.serverCpuMsPerRequest, 2)} ms (GET /api/me: ${fmt(results.whoAmI?.serverCpuMsPerRequest, 2)} ms)`
    : "—",
);
row(
  "Per-request render, signed in (?replyTo=, 4 conn): req/s",
  R ? `${fmt(R.requestsPerSec, 1)} (p50 ${R.latencyMs.p50} ms)` : "—",
);
row(
  "HTML / personal answer",
  results.page && results.personal
    ? `${fmt(results.page.bytes)} B (${fmt(results.page.sentBytes)} sent) / ${fmt(results.personal.bytes)} B (${fmt(results.personal.sentBytes)} sent)`
    : "—",
);

finishBench("personal", { results, table, problems, noFail: opts["no-fail"], startedAt: t0 });
