#!/usr/bin/env node
// Notifications and following (issue #15, "Budgets"): publishing an article to 10,000 confirmed
// subscribers queues their mails in < 5 s while the request that published returns in < 500 ms
// (the request only claims the announcement and queues one job; the job worker fans it out); and a
// comment on an article with 1,000 followers writes their notifications in < 1 s (in the
// comment's own transaction, so they exist when the 201 arrives).
// The production server runs on its own fresh database of the test PostgreSQL.
//
//   npx tsx scripts/bench/bench-following.mjs [--no-fail]
//
// Results: a table on stdout and .data/bench/following.json; exits 1 when over budget or broken.
import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { root } from "../lib/project.mjs";
import { benchCleanup, benchTable, finishBench, fmt } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({ options: { "no-fail": { type: "boolean", default: false } } });
const budgets = { publishRequestMs: 500, queuedMs: 5000, commentNotifyMs: 1000 };
const SUBSCRIBERS = 10_000;
const FOLLOWERS = 1_000;
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("following");
const log = (s) => console.log(`[bench-following] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const t0 = Date.now();
const results = {
  startedAt: new Date().toISOString(),
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  budgets,
  subscribers: SUBSCRIBERS,
  followers: FOLLOWERS,
};
const problems = [];

try {
  const bench = await benchServer("bench-following", cleanups, log);
  const { baseUrl } = bench;
  results.serverLog = bench.serverLog;
  const { db } = bench;
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { createApiToken } = await import("../../lib/users/api-tokens.ts");

  const suffix = crypto.randomBytes(4).toString("hex");
  const { viewerOf: asViewer } = await import("../../lib/auth/viewer.ts");
  const editor = asViewer(
    await createUser(
      { name: "Bench Editor", email: `editor-${suffix}@bench.test`, password: `bench-password-${suffix}` },
      { role: "editor", trusted: true },
    ),
  );
  const { secret: editorToken } = await createApiToken(editor, { name: "bench" });

  // ---- 1. publishing to 10,000 confirmed subscribers ----
  const tSeed = Date.now();
  const now = new Date();
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    id: `bench-sub-${suffix}-${i}`,
    email: `sub-${i}-${suffix}@bench.test`,
    confirmedAt: now,
    createdAt: now,
  }));
  for (let i = 0; i < subscribers.length; i += 5000)
    await db.subscriber.createMany({ data: subscribers.slice(i, i + 5000) });
  log(`seeded ${fmt(SUBSCRIBERS)} confirmed subscribers in ${((Date.now() - tSeed) / 1000).toFixed(1)} s`);
  const slug = `bench-following-${suffix}`;
  // Untimed: the route's modules load and the pool's connections open, as on a server in use.
  const warm = await fetch(`${baseUrl}/api/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
    body: JSON.stringify({ title: `Warm-up ${suffix}`, slug: `warm-${suffix}`, body: "A draft.", status: "draft" }),
  });
  if (warm.status !== 201) problems.push(`the warm-up draft answered ${warm.status}`);
  // The same request with nobody subscribed costs the same: the fan-out is not in it (a figure, no budget).
  const baseline = [];
  for (let i = 0; i < 3; i++) {
    await db.$executeRaw`UPDATE "Subscriber" SET "unsubscribedAt" = now()`;
    const t = performance.now();
    const r = await fetch(`${baseUrl}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        title: `Baseline ${i} ${suffix}`,
        slug: `baseline-${i}-${suffix}`,
        body: "Nobody is subscribed.",
        status: "published",
      }),
    });
    baseline.push(performance.now() - t);
    if (r.status !== 201) problems.push(`a baseline publish answered ${r.status}`);
  }
  results.publishWithoutSubscribers = { medianMs: [...baseline].sort((a, b) => a - b)[1] };
  await db.$executeRaw`UPDATE "Subscriber" SET "unsubscribedAt" = NULL`;
  const tPublish = performance.now();
  const res = await fetch(`${baseUrl}/api/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      title: `Following bench ${suffix}`,
      slug,
      body: "An article for ten thousand readers.\n\nA second paragraph.",
      status: "published",
    }),
  });
  const publishMs = performance.now() - tPublish;
  const answer = await res.text();
  if (res.status !== 201) problems.push(`publishing answered ${res.status}: ${answer.slice(0, 200)}`);
  const article = await db.article.findUnique({ where: { slug }, select: { id: true } });
  let queuedMs = null,
    recipients = 0;
  if (article) {
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const m = await db.articleMailing.findUnique({ where: { articleId: article.id } });
      if (m?.fannedOutAt) {
        queuedMs = performance.now() - tPublish;
        recipients = m.recipients;
        break;
      }
      await sleep(20);
    }
  }
  if (queuedMs === null) problems.push("the subscriber mails were not queued within 60 s");
  if (queuedMs !== null && recipients !== SUBSCRIBERS) problems.push(`${recipients} mails queued, not ${SUBSCRIBERS}`);
  results.publish = { status: res.status, requestMs: publishMs, queuedMs, recipients };
  log(
    `publish request ${fmt(publishMs)} ms; ${fmt(recipients)} mails queued ${queuedMs === null ? "—" : `${fmt(queuedMs)} ms`} after the request began`,
  );
  // The worker now sends them (to the outbox): stop it from competing with part 2.
  await db.job.deleteMany({ where: { kind: "subscriber-mail" } });

  // ---- 2. a comment on an article with 1,000 followers ----
  const people = Array.from({ length: FOLLOWERS }, (_, i) => ({
    id: `bench-follower-${suffix}-${i}`,
    name: `Follower ${i + 1}`,
    email: `follower-${i}-${suffix}@bench.test`,
  }));
  await db.user.createMany({ data: people });
  await db.articleFollow.createMany({ data: people.map((p) => ({ userId: p.id, articleId: article.id })) });
  // A moderator writes (exempt from the flood interval, so the warm-up post does not hold the next one back).
  const writer = asViewer(
    await createUser(
      { name: "Bench Writer", email: `writer-${suffix}@bench.test`, password: `bench-password-${suffix}` },
      { role: "moderator", trusted: true },
    ),
  );
  const { secret: writerToken } = await createApiToken(writer, { name: "bench" });
  const postComment = (body, on = slug) =>
    fetch(`${baseUrl}/api/articles/${on}/comments`, {
      method: "POST",
      headers: { authorization: `Bearer ${writerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ body }),
    });
  // Untimed warm-up, then the same post on an article nobody follows (a figure, no budget).
  await postComment(`Warm-up ${suffix}.`, `baseline-0-${suffix}`);
  const tQuiet = performance.now();
  await postComment(`Nobody follows this ${suffix}.`, `baseline-1-${suffix}`);
  results.commentWithoutFollowers = { ms: performance.now() - tQuiet };
  const tComment = performance.now();
  const c = await postComment(`A comment for a thousand followers ${suffix}.`);
  const commentMs = performance.now() - tComment;
  const created = await c.json().catch(() => null);
  if (c.status !== 201) problems.push(`the comment answered ${c.status}: ${JSON.stringify(created).slice(0, 200)}`);
  const written = created?.id ? await db.notification.count({ where: { key: `comment:${created.id}` } }) : 0;
  if (written !== FOLLOWERS)
    problems.push(`${written} notifications written when the comment was answered, not ${FOLLOWERS}`);
  results.comment = { status: c.status, requestMs: commentMs, notifications: written };
  log(`comment request ${fmt(commentMs)} ms; ${fmt(written)} notifications written by then`);
} catch (e) {
  problems.push(`the bench could not run: ${e.message}`);
  if (process.env.BENCH_DEBUG) console.error(e);
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {});
}
results.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);

const { table, row } = benchTable();
const P = results.publish,
  C = results.comment;
row(
  `Publish to ${fmt(SUBSCRIBERS)} subscribers: the request`,
  P ? `${fmt(P.requestMs)} ms (HTTP ${P.status})` : "—",
  `< ${budgets.publishRequestMs} ms`,
  P ? P.status === 201 && P.requestMs < budgets.publishRequestMs : false,
);
row(
  "  every mail queued (from the request's start)",
  P?.queuedMs != null ? `${fmt(P.queuedMs)} ms (${fmt(P.recipients)} mails)` : "—",
  `< ${budgets.queuedMs / 1000} s`,
  P ? P.queuedMs != null && P.queuedMs < budgets.queuedMs && P.recipients === SUBSCRIBERS : false,
);
row(
  "  the same request, nobody subscribed (median of 3)",
  results.publishWithoutSubscribers ? `${fmt(results.publishWithoutSubscribers.medianMs)} ms` : "—",
);
row(
  `A comment, ${fmt(FOLLOWERS)} followers: notifications written`,
  C ? `${fmt(C.requestMs)} ms (HTTP ${C.status}, ${fmt(C.notifications)} rows)` : "—",
  `< ${budgets.commentNotifyMs / 1000} s`,
  C ? C.status === 201 && C.requestMs < budgets.commentNotifyMs && C.notifications === FOLLOWERS : false,
);

row(
  "  the same post on an article nobody follows",
  results.commentWithoutFollowers ? `${fmt(results.commentWithoutFollowers.ms)} ms` : "—",
);

finishBench("following", { results, table, problems, noFail: opts["no-fail"], startedAt: t0 });
