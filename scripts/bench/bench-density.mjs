#!/usr/bin/env node
// "Where the conversation is" for `npm run bench` (issue 19): what the density bar and the
// "N readers noted this" labels add to an article page's render and to the cached page.
// The production server on a fresh database (bench-server.mjs); a long article (~15,600 words)
// with 1,000 public notes by 40 readers (random passages of 1–25 words,
// tests/seed/annotated-article.ts).
//
// CPU: the page's own steps for the feature, in process, 200 times after a warm-up —
//   conversationOf (the summary, from the public notes the page reads anyway for its notes list),
//   labelNotedPassages (the article HTML), and the server render of <DensityBar> (react-dom/server).
//   The page without the feature does none of these, so their time is what the feature adds.
// Bytes: read off the real page the server caches — the bar's HTML, its element and module
//   reference in the RSC payload, and the labels in the HTML and in the payload's copy of the
//   article HTML.
//
//   npx tsx scripts/bench/bench-density.mjs [--notes 1000] [--no-fail]
//
// Budgets: < 5 ms CPU added per render (median), ≤ 2,000 bytes added to the page.
import os from "node:os";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { root } from "../lib/project.mjs";
import { benchCleanup } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const noteCount = Number(arg("--notes", 1_000));
const readers = 40;
const rounds = 200;
const budgets = { addedCpuMs: 5, addedBytes: 2_000 };
process.chdir(root);

const { cleanups, cleanup, interrupted } = benchCleanup("density");
const log = (s) => console.log(`[bench-density] ${s}`);
const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** The feature's bytes in a page as served: the bar, its payload, the labels (HTML and payload). */
function featureBytes(page) {
  const bar = page.match(/<nav aria-label="Where the notes are"[\s\S]*?<\/nav>/)?.[0] ?? "";
  // In the RSC payload (strings inside self.__next_f.push), quotes are escaped: \"marks\".
  const props = page.match(/\{\\"marks\\":\[[\s\S]*?\],\\"length\\":\d+\}/)?.[0] ?? "";
  const element = props ? 20 : 0; // ["$","$L1f",null, … ] around the props
  const reference = page.match(/\\n[0-9a-f]+:I\[[^\]]*?\][^\]]*?\\"DensityBar\\"\]/)?.[0] ?? "";
  const labelsHtml = (page.match(/<span data-readers="\d+"><\/span>/g) ?? []).join("");
  // There `<` and `>` are \u003c and \u003e too.
  const labelsFlight = (page.match(/\\u003cspan data-readers=\\"\d+\\"\\u003e\\u003c\/span\\u003e/g) ?? []).join("");
  const size = (s) => Buffer.byteLength(s);
  return {
    bar: size(bar),
    barFlight: size(props) + element + size(reference),
    labelsHtml: size(labelsHtml),
    labelsFlight: size(labelsFlight),
    total: size(bar) + size(props) + element + size(reference) + size(labelsHtml) + size(labelsFlight),
    found: { bar: !!bar, props: !!props, reference: !!reference },
  };
}

let ok = false;
try {
  const { baseUrl, db } = await benchServer("bench-density", cleanups, log);
  const { createTestUser } = await import("../../tests/seed/users.ts");
  const { seedAnnotatedArticle } = await import("../../tests/seed/annotated-article.ts");
  const { conversationOf } = await import("../../lib/annotations/get-conversation.ts");
  const { labelNotedPassages } = await import("../../lib/annotations/conversation.ts");
  const { listPublicNotes } = await import("../../lib/annotations/list-public-notes.ts");
  const { getPublishedArticle } = await import("../../lib/articles/get-published-article.ts");
  const { invalidateArticlePages } = await import("../../lib/cache/invalidate-pages.ts");
  const { DensityBar } = await import("../../components/annotations/components/density-bar.tsx");

  log(`seeding ${noteCount.toLocaleString("en")} notes by ${readers} readers…`);
  const users = [];
  for (let i = 0; i < readers; i++) users.push((await createTestUser({ label: `density-${i}` })).viewer);
  const { slug } = await seedAnnotatedArticle({ long: true, bulk: { author: users[0].email, count: noteCount } });
  const ids = users.map((u) => u.id);
  await db.$executeRaw`
    UPDATE "Annotation" AS a SET "authorId" = (${ids}::text[])[1 + (abs(hashtext(a.id)) % ${ids.length})]
    WHERE a."articleId" = (SELECT id FROM "Article" WHERE slug = ${slug})`;
  await invalidateArticlePages(slug);
  const article = (await getPublishedArticle(slug)).article;
  const revision = article.currentRevision;

  // CPU, in process. The notes themselves are the rows the notes list reads (shared, not added).
  const l0 = process.cpuUsage();
  const { rows } = await listPublicNotes(slug);
  const listCpu = process.cpuUsage(l0);
  const once = () => {
    const conversation = conversationOf(rows, revision.text);
    const html = labelNotedPassages(revision.html, conversation.noted);
    const marks = conversation.marks.map((m) => [m.at, m.count, m.quote, m.id]);
    const bar = renderToString(createElement(DensityBar, { marks, length: revision.text.length }));
    return { conversation, html, bar };
  };
  for (let i = 0; i < 20; i++) once(); // warm-up: JIT
  const cpu = [];
  let last;
  for (let i = 0; i < rounds && !interrupted(); i++) {
    const c0 = process.cpuUsage();
    last = once();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);

  // Bytes, off the page as the server sends (and caches) it.
  const response = await fetch(`${baseUrl}/articles/${slug}`);
  const page = await response.text();
  if (process.env.DENSITY_DUMP) (await import("node:fs")).writeFileSync(process.env.DENSITY_DUMP, page);
  const bytes = featureBytes(page);

  const [load1] = os.loadavg();
  const cpus = os.cpus().length;
  console.log(
    `\nWhere the conversation is: ${rows.length.toLocaleString("en")} public notes by ${readers} readers on a ${revision.wordCount.toLocaleString("en")}-word article; ${rounds} renders; load average ${load1.toFixed(1)} on ${cpus} CPUs`,
  );
  console.log(
    `  added per render: CPU median ${quantile(cpu, 0.5).toFixed(2)} ms · p95 ${quantile(cpu, 0.95).toFixed(2)} ms (budget: median < ${budgets.addedCpuMs} ms); not added, for reference: the notes list's own read of these notes, ${((listCpu.user + listCpu.system) / 1000).toFixed(1)} ms CPU`,
  );
  console.log(
    `  added to the page (${Buffer.byteLength(page).toLocaleString("en")} bytes): ${bytes.total.toLocaleString("en")} bytes — bar ${bytes.bar} B HTML + ${bytes.barFlight} B payload (${last.conversation.marks.length} marks), labels ${bytes.labelsHtml} B HTML + ${bytes.labelsFlight} B payload (${last.conversation.noted.length} passages) (budget: ≤ ${budgets.addedBytes.toLocaleString("en")} bytes)`,
  );
  if (load1 > cpus) console.log(`  (the machine is busy — load ${load1.toFixed(1)} on ${cpus} CPUs)`);
  const complete = bytes.found.bar && bytes.found.props && bytes.found.reference;
  if (!complete) console.log(`FAILED: the bar is not all in the page as expected: ${JSON.stringify(bytes.found)}`);
  if (last.conversation.noted.length && !(bytes.labelsHtml && bytes.labelsFlight))
    console.log("FAILED: the labels are not in the page as expected");
  ok =
    complete &&
    (!last.conversation.noted.length || (bytes.labelsHtml > 0 && bytes.labelsFlight > 0)) &&
    quantile(cpu, 0.5) < budgets.addedCpuMs &&
    bytes.total <= budgets.addedBytes;
  if (!ok) console.log("FAILED: over budget, or not measured");
} catch (e) {
  console.error(e);
} finally {
  await cleanup();
}
process.exit(ok || process.argv.includes("--no-fail") ? 0 : 1);
