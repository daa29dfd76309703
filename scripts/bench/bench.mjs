#!/usr/bin/env node
// `npm run bench`: how fast the article page is for an anonymous reader, against the budgets of
// the product brief (issue #2, "Speed"). Without --base-url it makes sure the production build is
// current and starts the production server on its own fresh database (the test PostgreSQL).
//
//   npm run bench                         full run: load test, bytes, Lighthouse mobile + desktop
//   npm run bench -- --no-fail            same, but always exit 0 (report only)
//   node scripts/bench/bench.mjs --smoke --base-url http://127.0.0.1:3000
//                                         short sanity run (npm test): exits 1 only when broken
//
// Results: a table on stdout and JSON in .data/bench/last.json (smoke: .data/bench/smoke.json);
// the full run also keeps Lighthouse's reports in .data/bench/lighthouse-{mobile,desktop}.html.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, ensureBuild, root, testPostgres } from "../lib/project.mjs";
import { decodeEntities, load, measureHtml, measureScripts, rawGet, stopLoad } from "./bench-measure.mjs";

const usage = `Usage: node scripts/bench/bench.mjs [--smoke] [--base-url URL] [--no-fail] [--no-lighthouse] [--page-only]
                            [--path /articles/…] [--connections N] [--duration SECONDS]
                            [--runs N]   (Lighthouse runs per form factor; the median by performance is kept)`;

let opts;
try {
  opts = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      "page-only": { type: "boolean", default: false },
      "base-url": { type: "string" },
      "no-fail": { type: "boolean", default: false },
      "no-lighthouse": { type: "boolean", default: false },
      path: { type: "string", default: "/articles/iranian-and-albanian-conflict-in-lieu-of-the-recent-cyber-attacks" },
      connections: { type: "string" },
      duration: { type: "string" },
      runs: { type: "string" },
      help: { type: "boolean", default: false },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (opts.help) {
  console.log(usage);
  process.exit(0);
}

process.chdir(root);
const smoke = opts.smoke;
const connections = Number(opts.connections ?? (smoke ? 8 : 32));
const durationSec = Number(opts.duration ?? (smoke ? 2 : 10));
const warmupSec = smoke ? 0 : 3;
const withLighthouse = !smoke && !opts["no-lighthouse"];
const lighthouseRuns = Math.max(1, Number(opts.runs ?? 1) || 1);
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const outDir = path.join(dataDir(), "bench");

const KB = 1000; // budgets in kB (1,000 bytes), as Next.js and Lighthouse print them
const budgets = { requestsPerSec: 1000, jsGzipBytes: 150 * KB, lighthouse: 100 };

// ---- cleanup: everything started here is stopped at the end, on errors and on Ctrl-C ----
const cleanups = [];
let killChromes = () => {};
async function cleanup() {
  stopLoad();
  killChromes();
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(`[bench] cleanup: ${e.message}`);
    }
  }
}
// Helpers of project.mjs end the process with die() (process.exit) on failure: still send the
// stop signals (each stop() signals its child synchronously before it awaits anything).
process.on("exit", () => {
  killChromes();
  for (const fn of cleanups.reverse()) {
    try {
      fn().catch(() => {});
    } catch {
      /* best effort */
    }
  }
});
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping…`);
    await cleanup();
    process.exit(130);
  });
}

// ---- helpers ----
const fmtBytes = (n) => (n == null ? "—" : `${(n / KB).toFixed(1)} kB (${n.toLocaleString("en-US")} B)`);
const fmtInt = (n) => (n == null ? "—" : Math.round(n).toLocaleString("en-US"));
const log = (s) => console.log(`[bench] ${s}`);

function articleTitle() {
  try {
    const src = fs.readFileSync(path.join(root, "prisma", "seed", "seed-article.md"), "utf8");
    const m = src.match(/^title:\s*["']?(.+?)["']?\s*$/m);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}

function buildId() {
  try {
    return fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

function gitRevision() {
  try {
    const rev = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty =
      execFileSync("git", ["status", "--porcelain"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim() !== "";
    return `${rev}${dirty ? "+dirty" : ""}`;
  } catch {
    return null;
  }
}

// ---- the run ----
const t0 = Date.now();
const results = {
  mode: smoke ? "smoke" : "full",
  startedAt: new Date().toISOString(),
  revision: gitRevision(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? null,
};
const problems = []; // broken measurements (not budgets): these fail --smoke
const warnings = [];
results.loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
if (results.loadAverageAtStart[0] > results.cpus)
  warnings.push(
    `the machine was busy when the bench started (load average ${results.loadAverageAtStart[0]} on ${results.cpus} CPUs): numbers may be low`,
  );
let fatal = null;

try {
  let baseUrl = opts["base-url"];
  if (!baseUrl) {
    await ensureBuild();
    const { startTestServer } = await import("../test.mjs");
    log("starting the test PostgreSQL and the production server on a fresh database…");
    const pgServer = await testPostgres();
    cleanups.push(() => pgServer.stop());
    const server = await startTestServer(pgServer, { label: "bench" });
    cleanups.push(() => server.stop());
    baseUrl = server.baseUrl;
    results.serverLog = path.join(server.runDir, "server.log");
    results.buildId = buildId();
  }
  const pageUrl = new URL(opts.path, baseUrl).href;
  results.url = pageUrl;
  log(`measuring ${pageUrl}${smoke ? " (smoke)" : ""}`);

  // 1. the HTML, as an anonymous browser gets it (this request also fills the server's page cache)
  const html = await measureHtml(pageUrl);
  const { html: document, ...htmlNumbers } = html;
  results.html = htmlNumbers;
  const title = articleTitle();
  if (html.status !== 200) problems.push(`the article page answered ${html.status}, not 200`);
  else if (title && !decodeEntities(document).includes(title))
    problems.push(`the article page does not contain the article title "${title}"`);
  if (!html.bytes) problems.push("the article page is empty");
  if (html.encoding === "identity")
    warnings.push("the HTML was sent uncompressed although the request accepted br and gzip");
  if (html.setCookie)
    warnings.push(
      `the anonymous article page sets a cookie (${[]
        .concat(html.setCookie)
        .map((c) => c.split("=")[0])
        .join(", ")}), which makes it uncacheable`,
    );
  const second = await rawGet(pageUrl);
  results.html.secondRequestSameBody = second.body.equals(Buffer.from(document, "utf8"));

  // 2. first-load JavaScript
  const scripts = await measureScripts(document, pageUrl);
  results.scripts = scripts;
  if (!scripts.count) problems.push("found no <script src> on the article page (the parser or the page is broken)");
  for (const f of scripts.files) if (f.status !== 200) problems.push(`script ${f.url} answered ${f.status}`);

  // 3. throughput and latency
  if (warmupSec) {
    log(`warm-up: ${warmupSec} s at ${connections} connections…`);
    results.warmup = await load(pageUrl, { connections, durationSec: warmupSec });
  } else {
    for (let i = 0; i < 5; i++) await rawGet(pageUrl);
  }
  log(`load: ${durationSec} s at ${connections} connections…`);
  const loadResult = await load(pageUrl, { connections, durationSec });
  results.load = loadResult;
  if (!loadResult.requests) problems.push("the load test completed no requests");
  if (loadResult.status.non2xx)
    problems.push(
      `the load test got ${loadResult.status.non2xx} non-2xx responses (3xx ${loadResult.status["3xx"]}, 4xx ${loadResult.status["4xx"]}, 5xx ${loadResult.status["5xx"]})`,
    );
  if (loadResult.errors)
    problems.push(`the load test had ${loadResult.errors} errors (${loadResult.timeouts} timeouts)`);

  // 4. Lighthouse, mobile and desktop
  if (withLighthouse) {
    const lh = await import("./bench-lighthouse.mjs");
    killChromes = lh.killChromes;
    results.lighthouse = {};
    for (const formFactor of ["mobile", "desktop"]) {
      if (interrupted) break;
      try {
        const runs = [];
        for (let i = 0; i < lighthouseRuns && !interrupted; i++) {
          log(`Lighthouse (${formFactor})${lighthouseRuns > 1 ? ` run ${i + 1}/${lighthouseRuns}` : ""}…`);
          runs.push(
            await lh.runLighthouse(pageUrl, formFactor, {
              chromePath,
              reportDir: lighthouseRuns > 1 ? path.join(outDir, `run-${i + 1}`) : outDir,
            }),
          );
        }
        // the median run by performance score (Lighthouse's advice for noisy machines)
        const ok = runs
          .filter((r) => !r.runtimeError && r.scores?.performance != null)
          .sort((a, b) => a.scores.performance - b.scores.performance);
        const chosen = ok.length ? ok[Math.floor((ok.length - 1) / 2)] : runs[runs.length - 1];
        const failedRuns = runs.filter((r) => r.runtimeError).length;
        if (failedRuns && ok.length)
          warnings.push(
            `Lighthouse ${formFactor}: ${failedRuns} of ${runs.length} runs could not audit the page (${runs.find((r) => r.runtimeError).runtimeError})`,
          );
        results.lighthouse[formFactor] = {
          ...chosen,
          ...(runs.length > 1
            ? { performanceOfAllRuns: runs.map((r) => (r.runtimeError ? "error" : (r.scores?.performance ?? null))) }
            : {}),
        };
        if (results.lighthouse[formFactor].runtimeError)
          problems.push(`Lighthouse ${formFactor}: ${results.lighthouse[formFactor].runtimeError}`);
      } catch (e) {
        results.lighthouse[formFactor] = { error: e.message };
        problems.push(`Lighthouse ${formFactor} failed: ${e.message}`);
      }
    }
  }
  if (results.buildId && buildId() !== results.buildId) {
    problems.push(
      `the production build in .next was replaced during the run (BUILD_ID ${results.buildId} → ${buildId()}), by a concurrent next build: the server kept serving the old build (missing chunks, CPU contention), so these numbers are unreliable — run again`,
    );
  }
} catch (e) {
  fatal = e;
  problems.push(`the bench could not run: ${e.message}`);
} finally {
  await cleanup();
}

results.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);

// ---- the report ----
const rows = [];
const row = (metric, value, budget = "", pass = null) =>
  rows.push({ metric, value, budget, status: pass === null ? "" : pass ? "PASS" : "FAIL" });
const L = results.load,
  H = results.html,
  S = results.scripts;
row(
  `Requests/s (${connections} connections, ${durationSec} s)`,
  L ? fmtInt(L.requestsPerSec) : "—",
  `≥ ${fmtInt(budgets.requestsPerSec)}`,
  L ? L.requestsPerSec >= budgets.requestsPerSec && !L.status.non2xx && !L.errors : false,
);
row("Latency p50", L ? `${L.latencyMs.p50} ms` : "—");
row("Latency p99", L ? `${L.latencyMs.p99} ms` : "—");
row("Responses 2xx / non-2xx / errors", L ? `${fmtInt(L.status["2xx"])} / ${L.status.non2xx} / ${L.errors}` : "—");
row("HTML uncompressed", fmtBytes(H?.bytes));
row(`HTML as sent (${H?.encoding ?? "?"})`, fmtBytes(H?.sentBytes));
row(
  `First-load JS, gzip -9 (${S?.count ?? "?"} files)`,
  fmtBytes(S?.gzipBytes),
  `≤ ${budgets.jsGzipBytes / KB} kB`,
  S ? S.count > 0 && S.gzipBytes <= budgets.jsGzipBytes : false,
);
row("First-load JS uncompressed", fmtBytes(S?.bytes));
row("First-load JS as sent (server encoding)", fmtBytes(S?.sentBytes));
if (results.lighthouse) {
  for (const [formFactor, r] of Object.entries(results.lighthouse)) {
    for (const c of ["performance", "accessibility", "best-practices", "seo"]) {
      const score = r.scores?.[c] ?? null;
      row(
        `Lighthouse ${formFactor} ${c}`,
        score === null ? (r.error || r.runtimeError ? "error" : "—") : String(score),
        `= ${budgets.lighthouse}`,
        score !== null && score >= budgets.lighthouse,
      );
    }
  }
  for (const [formFactor, r] of Object.entries(results.lighthouse)) {
    if (r.scriptRequests)
      row(
        `JS requested in Lighthouse ${formFactor} (transfer)`,
        `${fmtBytes(r.scriptRequests.transferBytes)}, ${r.scriptRequests.count} files`,
      );
  }
}

const widths = ["metric", "value", "budget", "status"].map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join("  ")
    .trimEnd();
console.log("");
console.log(line(["Metric", "Value", "Budget", "Result"]));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const r of rows) console.log(line([r.metric, r.value, r.budget, r.status]));

if (results.lighthouse) {
  for (const [formFactor, r] of Object.entries(results.lighthouse)) {
    if (r.error) {
      console.log(`\nLighthouse ${formFactor}: failed: ${r.error}`);
      continue;
    }
    if (r.runtimeError) {
      console.log(`\nLighthouse ${formFactor}: could not audit the page: ${r.runtimeError}`);
      continue;
    }
    const lines = [];
    for (const [c, audits] of Object.entries(r.failing ?? {})) {
      for (const a of audits.filter((x) => !x.error)) {
        lines.push(
          `  ${c.padEnd(15)} ${a.id} — ${a.title} (score ${Math.round(a.score * 100)}${a.weight ? `, weight ${+a.weight.toFixed(2)}` : ", unweighted"}${a.displayValue ? `, ${a.displayValue}` : ""})`,
        );
        for (const item of a.items ?? [])
          lines.push(`${" ".repeat(20)}· ${String(item).replace(/\s+/g, " ").slice(0, 160)}`);
      }
      const errored = audits.filter((x) => x.error);
      if (errored.length) {
        lines.push(`  ${c.padEnd(15)} could not run (not scored): ${errored.map((x) => x.id).join(", ")}`);
        lines.push(`${" ".repeat(20)}· ${errored[0].error.replace(/\s+/g, " ").slice(0, 160)}`);
      }
    }
    console.log(`\nLighthouse ${formFactor}: ${lines.length ? "audits costing points" : "no failing audits"}`);
    for (const l of lines) console.log(l);
    const m = r.metrics ?? {};
    console.log(
      `  metrics: ${Object.entries(m)
        .map(([k, v]) => `${k} ${v.display ?? "—"}`)
        .join(", ")}`,
    );
    if (r.performanceOfAllRuns)
      console.log(`  performance of each run: ${r.performanceOfAllRuns.join(", ")} (the median run is shown)`);
    if (r.benchmarkIndex) console.log(`  host benchmarkIndex ${r.benchmarkIndex}; ${r.userAgent ?? ""}`);
    for (const w of r.runWarnings ?? []) console.log(`  warning: ${String(w).replace(/\s+/g, " ")}`);
  }
}

for (const w of warnings) console.log(`\nwarning: ${w}`);
if (problems.length) {
  console.log(`\nBroken measurements:`);
  for (const p of problems) console.log(`  - ${p}`);
  if (results.serverLog) {
    console.log(`  (server log: ${results.serverLog})`);
    try {
      const errors = fs
        .readFileSync(results.serverLog, "utf8")
        .split("\n")
        .filter((l) => /error|⨯|can't reach/i.test(l));
      for (const l of [...new Set(errors)].slice(-5)) console.log(`    ${l.slice(0, 200)}`);
    } catch {
      /* no log */
    }
  }
}
if (fatal && process.env.BENCH_DEBUG) console.error(fatal);

const budgetFailed = rows.some((r) => r.status === "FAIL");
results.rows = rows;
results.budgets = budgets;
results.problems = problems;
results.warnings = warnings;
results.budgetsPassed = !budgetFailed;
results.seconds = Math.round((Date.now() - t0) / 100) / 10;
const jsonFile = path.join(outDir, smoke ? "smoke.json" : "last.json");
try {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + "\n");
} catch (e) {
  console.error(`[bench] could not write ${jsonFile}: ${e.message}`);
}

let code;
if (smoke) {
  console.log(
    `\nSmoke: ${problems.length ? "BROKEN" : "ok"} (budgets are reported, not enforced, in smoke mode) — ${results.seconds} s; ${path.relative(root, jsonFile)}`,
  );
  code = problems.length ? 1 : 0;
} else {
  console.log(
    `\n${budgetFailed || problems.length ? "Budgets: FAIL" : "Budgets: all PASS"} — ${results.seconds} s; ${path.relative(root, jsonFile)}`,
  );
  code = budgetFailed || problems.length ? 1 : 0;
  // The feature benches, each with its own database and budgets (skip with --page-only).
  if (!opts["page-only"]) {
    for (const script of [
      "bench-anchoring.mjs",
      "bench-annotations-browser.mjs",
      "bench-studio.mjs",
      "bench-search.mjs",
      "bench-import.mjs",
      "bench-comments.mjs",
      "bench-personal.mjs",
      "bench-busy.mjs",
      "bench-moderation.mjs",
      "bench-live.mjs",
      "bench-faults.mjs",
      "bench-fuzz.mjs",
      "bench-following.mjs",
      "bench-desk.mjs",
      "bench-density.mjs",
      "bench-scholarly.mjs",
      "bench-notes.mjs",
    ]) {
      if (!fs.existsSync(path.join(root, "scripts", "bench", script))) continue;
      console.log(`\n━━ ${script} ━━`);
      const r = spawnSync(
        process.execPath,
        [
          path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
          path.join(root, "scripts", "bench", script),
          // the feature benches that run Lighthouse too skip it when the whole run does
          ...(!withLighthouse && ["bench-comments.mjs", "bench-scholarly.mjs"].includes(script)
            ? ["--no-lighthouse"]
            : []),
        ],
        { stdio: "inherit", cwd: root },
      );
      if (r.status !== 0) {
        console.log(`${script}: FAIL (exit ${r.status})`);
        code = 1;
      }
    }
  }
}
if (opts["no-fail"]) code = 0;
process.exit(code);
