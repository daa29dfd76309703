#!/usr/bin/env node
// "Where the conversation is" for `npm run bench` (issue 19): what the density bar and the
// "N readers noted this" labels add to an article page's render and to the cached page.
// A long article (~15,600 words) with 1,000 public notes by 40 readers (random passages of 1–25
// words, tests/seed/annotated-article.ts) in a throw-away database on the test PostgreSQL; then the
// page's own steps for the feature, in process, 200 times after a warm-up:
//   conversationOf (the summary, from the public notes the page reads anyway for its notes list),
//   labelNotedPassages (the article HTML), and the server render of <DensityBar> (react-dom/server).
// The article page without the feature does none of these, so their time is what the feature adds.
// Bytes added to the cached page: the bar's HTML, its props in the page's RSC payload, and the
// labels — twice, as the article's HTML is both in the HTML and in the RSC payload (escaped there).
//
//   npx tsx scripts/bench/bench-density.mjs [--notes 1000] [--no-fail]
//
// Budgets: < 5 ms added per render (median CPU time), ≤ 2,000 bytes added to the page.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { tsImport } from "tsx/esm/api";
import { createDatabase, dropDatabase, migrate, root, testPostgres } from "../lib/project.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const noteCount = Number(arg("--notes", 1_000));
const readers = 40;
const rounds = 200;
const budgets = { addedCpuMs: 5, addedBytes: 2_000 };
process.chdir(root);

const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
/** How a string is carried in the RSC payload: a JSON value inside a JS string literal. */
const inFlight = (value) => JSON.stringify(JSON.stringify(value)).length - 2;

const pgServer = await testPostgres();
const name = `gloss_bench_density_${crypto.randomBytes(4).toString("hex")}`;
let ok = false;
try {
  const url = pgServer.url(name);
  await createDatabase(pgServer.adminUrl, name);
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
  const load = (file) => tsImport(new URL(`file://${path.join(root, file)}`).href, import.meta.url);
  const { db, closeDb } = await load("lib/db.ts");
  const { createTestUser } = await load("tests/seed/users.ts");
  const { seedAnnotatedArticle } = await load("tests/seed/annotated-article.ts");
  const { conversationOf } = await load("lib/annotations/get-conversation.ts");
  const { listPublicNotes } = await load("lib/annotations/list-public-notes.ts");
  const { labelNotedPassages } = await load("lib/annotations/conversation.ts");
  const { getPublishedArticle } = await load("lib/articles/get-published-article.ts");
  const { DensityBar } = await load("components/annotations/components/density-bar.tsx");

  // Seed: the notes by one reader, then spread over `readers` readers (the labels need several).
  const users = [];
  for (let i = 0; i < readers; i++) users.push((await createTestUser({ label: `density-${i}` })).viewer);
  const { slug } = await seedAnnotatedArticle({ long: true, bulk: { author: users[0].email, count: noteCount } });
  const ids = users.map((u) => u.id);
  await db.$executeRaw`
    UPDATE "Annotation" AS a SET "authorId" = (${ids}::text[])[1 + (abs(hashtext(a.id)) % ${ids.length})]
    WHERE a."articleId" = (SELECT id FROM "Article" WHERE slug = ${slug})`;
  const found = await getPublishedArticle(slug);
  const article = found.article;
  const revision = article.currentRevision;

  // The notes the page lists anyway (read once per render, shared with the notes list): timed
  // apart, for reference — the feature adds no query of its own.
  const l0 = process.cpuUsage();
  const { rows } = await listPublicNotes(slug);
  const listCpu = process.cpuUsage(l0);
  const once = async () => {
    const conversation = conversationOf(rows, revision.text);
    const html = labelNotedPassages(revision.html, conversation.noted);
    const marks = conversation.marks.map((m) => [m.at, m.count, m.quote, m.id]);
    const bar = renderToString(createElement(DensityBar, { marks, length: revision.text.length }));
    return { conversation, html, marks, bar };
  };
  for (let i = 0; i < 20; i++) await once(); // warm-up: connection, plans, JIT
  const cpu = [];
  const wall = [];
  let last;
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    last = await once();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);

  const { conversation, html, marks, bar } = last;
  const labelsHtml = html.length - revision.html.length;
  const labelsFlight = inFlight(html) - inFlight(revision.html);
  // The client component's element in the payload: ["$","$L<ref>",null,{"marks":…}] and its module reference line.
  const barFlight = inFlight(marks) + inFlight(["$", "$L1f", null, { marks: [], length: revision.text.length }]) + 120;
  const added = bar.length + barFlight + labelsHtml + labelsFlight;

  const [load1] = os.loadavg();
  const cpus = os.cpus().length;
  console.log(
    `\nWhere the conversation is: ${noteCount.toLocaleString("en")} public notes by ${readers} readers on a ${revision.wordCount.toLocaleString("en")}-word article; ${rounds} renders; load average ${load1.toFixed(1)} on ${cpus} CPUs`,
  );
  console.log(
    `  (for reference, not added: the notes list's own read of the ${rows.length.toLocaleString("en")} notes, which the summary shares, took ${((listCpu.user + listCpu.system) / 1000).toFixed(1)} ms CPU)`,
  );
  console.log(
    `  added per render: CPU median ${quantile(cpu, 0.5).toFixed(2)} ms · p95 ${quantile(cpu, 0.95).toFixed(2)} ms; wall median ${quantile(wall, 0.5).toFixed(2)} ms · p95 ${quantile(wall, 0.95).toFixed(2)} ms (budget: CPU median < ${budgets.addedCpuMs} ms)`,
  );
  console.log(
    `  added to the page: ${added.toLocaleString("en")} bytes — bar ${bar.length} B HTML + ~${barFlight} B payload (${marks.length} marks), labels ${labelsHtml} B HTML + ${labelsFlight} B payload (${conversation.noted.length} passages) (budget: ≤ ${budgets.addedBytes.toLocaleString("en")} bytes)`,
  );
  if (load1 > cpus)
    console.log(`  (the machine is busy — load ${load1.toFixed(1)} on ${cpus} CPUs — so wall times are pessimistic)`);
  ok = quantile(cpu, 0.5) < budgets.addedCpuMs && added <= budgets.addedBytes;
  if (!ok) console.log("FAILED: over budget");
  await closeDb();
} finally {
  await dropDatabase(pgServer.adminUrl, name);
  await pgServer.stop();
}
process.exit(ok || process.argv.includes("--no-fail") ? 0 : 1);
