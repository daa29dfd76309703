#!/usr/bin/env node
// WordPress import speed (issue #7, "Speed"): an export of 1,000 posts and 20,000 comments,
// generated here (streamed to a temp file, never held in memory), imported with the real command
// (`import:wxr`) into a throw-away database on the test PostgreSQL; then imported again, which must
// change nothing. Prints the time and peak memory (RSS) of each run; budget: < 60 s for the first.
//
//   node scripts/bench/bench-import.mjs [--posts 1000] [--comments 20000] [--no-fail] [--file PATH [--generate-only]]
//
// --file writes the export there and keeps it; --generate-only stops after writing it.
//
// Results: stdout and .data/bench/import.json.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { baseEnv, createDatabase, dataDir, dropDatabase, migrate, root, testPostgres } from "../lib/project.mjs";

const { values: opts } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    comments: { type: "string", default: "20000" },
    "no-fail": { type: "boolean", default: false },
    file: { type: "string" },
    "generate-only": { type: "boolean", default: false },
  },
});
const postCount = Number(opts.posts);
const commentCount = Number(opts.comments);
const budgetMs = 60_000;
process.chdir(root);

// ---- the export: deterministic pseudo-random content, written chunk by chunk ----
let seed = 42;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const words =
  "treaty sovereignty border court tribunal state obligation customary law annex protocol ratify dispute claim territory maritime zone delegation reservation jurisdiction consent".split(
    " ",
  );
const sentence = (n) => Array.from({ length: n }, () => words[random(words.length)]).join(" ");
const cdata = (text) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const pad = (n) => String(n).padStart(2, "0");
const wpDate = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

function classicBody(i) {
  return [
    `${sentence(30)} <em>${sentence(3)}</em>, see <a href="https://example.org/${i}">${sentence(2)}</a>.`,
    `<h2>${sentence(4)}</h2>`,
    sentence(40),
    `<ul>\n<li>${sentence(6)}</li>\n<li>${sentence(6)}</li>\n<li>${sentence(6)}</li>\n</ul>`,
    `<blockquote>${sentence(20)}</blockquote>`,
    `${sentence(35)}\n${sentence(20)}`,
    sentence(45),
  ].join("\n\n");
}
function blockBody() {
  const p = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
  return [
    p(`${sentence(30)} <strong>${sentence(2)}</strong>.`),
    `<!-- wp:heading -->\n<h2 class="wp-block-heading">${sentence(4)}</h2>\n<!-- /wp:heading -->`,
    p(sentence(40)),
    `<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>${sentence(6)}</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>${sentence(6)}</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->`,
    `<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://example.org/i.jpg" alt="${sentence(3)}"/></figure>\n<!-- /wp:image -->`,
    p(sentence(45)),
    p(sentence(35)),
  ].join("\n\n");
}

async function writeExport(file) {
  const out = fs.createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once("drain", r)));
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench blog</title><link>https://bench.example.com</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.com</wp:base_site_url><wp:base_blog_url>https://bench.example.com</wp:base_blog_url>\n`,
  );
  for (let a = 0; a < 5; a++)
    await write(
      `<wp:author><wp:author_login>${cdata(`author${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Author Number ${a}`)}</wp:author_display_name></wp:author>\n`,
    );
  let commentId = 1;
  const start = Date.UTC(2015, 0, 1);
  for (let i = 1; i <= postCount; i++) {
    const published = start + i * 86_400_000;
    const comments = Math.floor((commentCount * i) / postCount) - Math.floor((commentCount * (i - 1)) / postCount);
    const ids = [];
    let item =
      `<item><title>${sentence(5)} ${i}</title><link>https://bench.example.com/?p=${i}</link><dc:creator>${cdata(`author${i % 5}`)}</dc:creator>` +
      `<content:encoded>${cdata(i % 2 ? classicBody(i) : blockBody())}</content:encoded><excerpt:encoded>${cdata("")}</excerpt:encoded>` +
      `<wp:post_id>${i}</wp:post_id><wp:post_date>${cdata(wpDate(published))}</wp:post_date><wp:post_date_gmt>${cdata(wpDate(published))}</wp:post_date_gmt>` +
      `<wp:post_name>${cdata(`bench-post-${i}`)}</wp:post_name><wp:status>${cdata(i % 50 === 0 ? "draft" : "publish")}</wp:status><wp:post_type>${cdata("post")}</wp:post_type>` +
      `<category domain="category" nicename="topic-${i % 12}">${cdata(`Topic ${i % 12}`)}</category><category domain="post_tag" nicename="tag-${i % 40}">${cdata(`Tag ${i % 40}`)}</category>`;
    for (let c = 0; c < comments; c++) {
      const id = commentId++;
      const parent = ids.length && random(3) === 0 ? ids[random(ids.length)] : 0;
      ids.push(id);
      const content =
        random(4) === 0
          ? `${sentence(12)} <a href="https://example.net/${id}">${sentence(2)}</a> <em>${sentence(2)}</em>`
          : `${sentence(15)}.\n\n${sentence(10)}`;
      item +=
        `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(`Reader ${id % 700}`)}</wp:comment_author><wp:comment_author_email>${cdata(`r${id % 700}@example.net`)}</wp:comment_author_email>` +
        `<wp:comment_date_gmt>${cdata(wpDate(published + (c + 1) * 60_000))}</wp:comment_date_gmt><wp:comment_content>${cdata(content)}</wp:comment_content>` +
        `<wp:comment_approved>${cdata(random(10) === 0 ? "0" : "1")}</wp:comment_approved><wp:comment_type>${cdata("comment")}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    }
    await write(`${item}</item>\n`);
  }
  await write("</channel>\n</rss>\n");
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
  return fs.statSync(file).size;
}

// ---- one run of the command, with its peak RSS (VmHWM) and CPU time read from /proc while it
// runs, and the CPU time of the PostgreSQL backends serving it: on a busy machine the wall time
// says little, the CPU seconds (import + database) say what an idle 2-core machine would need.
const clockTicks = 100; // USER_HZ on Linux
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

function runImport(file, env, monitor) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "cli.ts"), "import:wxr", file, "--json"],
      { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "",
      err = "",
      peakKb = 0,
      cpu = 0;
    const backends = new Map();
    const sample = async () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        cpu = cpuSeconds(child.pid) ?? cpu;
        const rows = await monitor.query(
          "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [monitor.database],
        );
        for (const { pid } of rows.rows) {
          const s = cpuSeconds(pid);
          if (s !== null) backends.set(pid, Math.max(backends.get(pid) ?? 0, s));
        }
      } catch {
        /* exited */
      }
    };
    const timer = setInterval(sample, 100);
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      let report = null;
      try {
        report = JSON.parse(out);
      } catch {
        /* printed an error */
      }
      const pgCpu = [...backends.values()].reduce((a, b) => a + b, 0);
      resolve({ code, ms, peakMb: Math.round(peakKb / 1024), cpu, pgCpu, report, err: err.trim() });
    });
  });
}

const file = opts.file
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.file)
  : path.join(os.tmpdir(), `gloss-bench-import-${process.pid}.xml`);
if (opts["generate-only"]) {
  const bytes = await writeExport(file);
  console.log(`Wrote ${file}: ${postCount} posts, ${commentCount} comments, ${(bytes / 1e6).toFixed(1)} MB`);
  process.exit(0);
}
const pgServer = await testPostgres();
const dbName = `gloss_bench_import_${crypto.randomBytes(4).toString("hex")}`;
let failed = false;
try {
  const tGen = performance.now();
  const bytes = await writeExport(file);
  console.log(
    `Export: ${postCount} posts, ${commentCount} comments, ${(bytes / 1e6).toFixed(1)} MB (generated in ${((performance.now() - tGen) / 1000).toFixed(1)} s)`,
  );
  await createDatabase(pgServer.adminUrl, dbName);
  const url = pgServer.url(dbName);
  await migrate(url);
  const env = baseEnv({
    DATABASE_URL: url,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    GLOSS_DATA_DIR: path.join(dataDir(), "runs", "bench-import"),
  });

  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  monitor.database = dbName;
  const load = () => os.loadavg()[0].toFixed(1);
  const describe = (run) =>
    `${(run.ms / 1000).toFixed(1)} s (CPU: import ${run.cpu.toFixed(1)} s + PostgreSQL ${run.pgCpu.toFixed(1)} s; load average ${load()}), peak RSS ${run.peakMb} MB`;
  const first = await runImport(file, env, monitor);
  if (first.code !== 0 || !first.report) throw new Error(`the import failed: ${first.err || "no report"}`);
  const r = first.report;
  console.log(
    `First import: ${describe(first)} — articles ${JSON.stringify(r.articles)}, comments ${JSON.stringify(r.comments)}, failed ${r.failed.length}`,
  );
  const second = await runImport(file, env, monitor);
  await monitor.end();
  if (second.code !== 0 || !second.report) throw new Error(`the second import failed: ${second.err || "no report"}`);
  console.log(
    `Second import (nothing changed): ${describe(second)} — articles ${JSON.stringify(second.report.articles)}, comments ${JSON.stringify(second.report.comments)}`,
  );

  const expectedComments = commentCount;
  const correct =
    r.articles.created === postCount &&
    r.comments.created === expectedComments &&
    r.failed.length === 0 &&
    second.report.articles.unchanged === postCount &&
    second.report.comments.unchanged === expectedComments;
  const withinBudget = first.ms < budgetMs;
  console.log(
    `${withinBudget ? "PASS" : "FAIL"}: first import ${(first.ms / 1000).toFixed(1)} s (budget < ${budgetMs / 1000} s)${correct ? "" : " — but the counts are wrong"}`,
  );
  failed = !withinBudget || !correct;
  fs.mkdirSync(path.join(dataDir(), "bench"), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir(), "bench", "import.json"),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        posts: postCount,
        comments: commentCount,
        bytes,
        budgetMs,
        loadAverage: os.loadavg()[0],
        first: {
          ms: Math.round(first.ms),
          cpuSeconds: first.cpu,
          postgresCpuSeconds: first.pgCpu,
          peakMb: first.peakMb,
          report: r,
        },
        second: {
          ms: Math.round(second.ms),
          cpuSeconds: second.cpu,
          postgresCpuSeconds: second.pgCpu,
          peakMb: second.peakMb,
          report: second.report,
        },
      },
      null,
      2,
    ),
  );
} catch (e) {
  console.error(`bench-import: ${e.message}`);
  failed = true;
} finally {
  if (!opts.file) fs.rmSync(file, { force: true });
  await dropDatabase(pgServer.adminUrl, dbName).catch(() => {});
  await pgServer.stop();
}
process.exit(failed && !opts["no-fail"] ? 1 : 0);
