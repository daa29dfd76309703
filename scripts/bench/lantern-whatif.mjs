#!/usr/bin/env node
// What would Lighthouse mobile have scored on this recorded load if some requests were smaller or
// absent? Lighthouse (simulated throttling) records the page unthrottled and re-simulates it on a
// slow 4G phone with Lantern; this runs Lantern again on a saved recording with requests changed,
// so a change can be weighed without a rebuild and without the noise of a shared machine (the
// recorded CPU tasks stay as they were). As-is, it gives back the recorded run's figures exactly.
//
//   LIGHTHOUSE_ARTIFACTS=1 node scripts/bench/bench.mjs --page-only --no-fail --runs 3
//   node scripts/bench/lantern-whatif.mjs .data/bench/run-1/lighthouse-mobile \
//        [--size 'woff2=0.5'] [--drop 'italic.*\.woff2'] [--drop '\.js$'] [--graph]
//
// --size REGEX=FACTOR scales the bytes of the requests whose URL matches; --drop REGEX removes them
// (repeatable). --graph also lists the requests the simulated LCP waits for (its optimistic graph,
// with their simulated start and end). The argument is the report's path without `.json` (it reads
// X.json and X.artifacts.json).
import fs from "node:fs";
import { parseArgs } from "node:util";

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: "string", multiple: true, default: [] },
    drop: { type: "string", multiple: true, default: [] },
    graph: { type: "boolean", default: false },
  },
});
if (positionals.length !== 1) {
  console.error(
    "Usage: node scripts/bench/lantern-whatif.mjs REPORT (without .json) [--size REGEX=FACTOR]… [--drop REGEX]…",
  );
  process.exit(2);
}
const base = positionals[0].replace(/\.json$/, "");
const lhr = JSON.parse(fs.readFileSync(`${base}.json`, "utf8"));
const { trace, devtoolsLog } = JSON.parse(fs.readFileSync(`${base}.artifacts.json`, "utf8"));

const LH = "lighthouse/core";
const [{ LanternFirstContentfulPaint }, { LanternLargestContentfulPaint }, { LanternTotalBlockingTime }, { Audit }] =
  await Promise.all([
    import(`${LH}/computed/metrics/lantern-first-contentful-paint.js`),
    import(`${LH}/computed/metrics/lantern-largest-contentful-paint.js`),
    import(`${LH}/computed/metrics/lantern-total-blocking-time.js`),
    import(`${LH}/audits/audit.js`),
  ]);

const urls = new Map();
for (const e of devtoolsLog)
  if (e.method === "Network.requestWillBeSent") urls.set(e.params.requestId, e.params.request.url);
const drops = opts.drop.map((r) => new RegExp(r));
const sizes = opts.size.map((s) => {
  const at = s.lastIndexOf("=");
  return { re: new RegExp(s.slice(0, at)), factor: Number(s.slice(at + 1)) };
});
const log = devtoolsLog
  .filter((e) => {
    const url = urls.get(e.params?.requestId);
    return !url || !drops.some((re) => re.test(url));
  })
  .map((e) => {
    const url = urls.get(e.params?.requestId);
    const rule = url && sizes.find((s) => s.re.test(url));
    if (!rule) return e;
    const params = { ...e.params };
    for (const k of ["encodedDataLength", "dataLength"])
      if (params[k] != null) params[k] = Math.round(params[k] * rule.factor);
    return { ...e, params };
  });

function simulate(devtools) {
  const data = {
    trace,
    devtoolsLog: devtools,
    gatherContext: { gatherMode: "navigation" },
    settings: lhr.configSettings,
    URL: {
      requestedUrl: lhr.requestedUrl,
      mainDocumentUrl: lhr.mainDocumentUrl,
      finalDisplayedUrl: lhr.finalDisplayedUrl,
    },
    SourceMaps: [],
    simulator: null,
  };
  const context = { computedCache: new Map() };
  return Promise.all([
    LanternFirstContentfulPaint.request(data, context),
    LanternLargestContentfulPaint.request(data, context),
    LanternTotalBlockingTime.request(data, context),
  ]).then(([fcp, lcp, tbt]) => {
    // the performance score's mobile curves and weights (Lighthouse 12); Speed Index and CLS as recorded
    const s = {
      fcp: Audit.computeLogNormalScore({ p10: 1800, median: 3000 }, fcp.timing),
      lcp: Audit.computeLogNormalScore({ p10: 2500, median: 4000 }, lcp.timing),
      tbt: Audit.computeLogNormalScore({ p10: 200, median: 600 }, tbt.timing),
      si: lhr.audits["speed-index"].score,
      cls: lhr.audits["cumulative-layout-shift"].score,
    };
    const performance = Math.round(10 * s.fcp + 10 * s.si + 25 * s.lcp + 30 * s.tbt + 25 * s.cls);
    return {
      fcp: Math.round(fcp.timing),
      lcp: Math.round(lcp.timing),
      tbt: Math.round(tbt.timing),
      performance,
      lcpResult: lcp,
    };
  });
}

const before = await simulate(devtoolsLog);
const after = await simulate(log);
const recorded = {
  fcp: Math.round(lhr.audits["first-contentful-paint"].numericValue),
  lcp: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
  tbt: Math.round(lhr.audits["total-blocking-time"].numericValue),
  performance: Math.round(lhr.categories.performance.score * 100),
};
const row = (name, r) =>
  console.log(
    `${name.padEnd(12)} FCP ${String(r.fcp).padStart(5)} ms  LCP ${String(r.lcp).padStart(5)} ms  TBT ${String(r.tbt).padStart(4)} ms  performance ${r.performance}`,
  );
row("recorded", recorded);
row("re-simulated", before);
row("what if", after);
if (opts.graph) {
  const { optimisticGraph, optimisticEstimate } = after.lcpResult;
  const rows = [];
  optimisticGraph.traverse((node) => {
    if (node.type !== "network") return;
    const t = optimisticEstimate.nodeTimings.get(node);
    rows.push([t?.endTime ?? 0, t?.startTime ?? 0, node.request]);
  });
  console.log("the simulated LCP waits for (what if):");
  for (const [end, start, r] of rows.sort((a, b) => a[0] - b[0]))
    console.log(
      `  ${String(Math.round(start)).padStart(5)}–${String(Math.round(end)).padStart(5)} ms  ${r.resourceType.padEnd(10)} ${String(r.transferSize).padStart(7)} B  ${r.url}`,
    );
}
