// Lighthouse 12 runs for `npm run bench`: mobile (the default config) and desktop, each in a fresh
// headless Chromium, reporting category scores and the audits that cost points.
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../lib/project.mjs";

export const categories = ["performance", "accessibility", "best-practices", "seo"];

const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  // no network beyond this machine (no Google fonts, no update checks, no field data)
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let chromes = new Set();
/** Kills any Chromium this module started (for Ctrl-C). */
export function killChromes() {
  for (const c of chromes) {
    try {
      c.kill();
    } catch {
      /* already gone */
    }
  }
  chromes = new Set();
}

const metricIds = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

/** Audits of a category that cost points: weighted, scored, and below 1. */
function failingAudits(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  const out = [];
  for (const ref of category?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit) continue;
    const errored = audit.scoreDisplayMode === "error";
    if (!errored && (!ref.weight || audit.score === null || audit.score >= 1)) continue;
    out.push({
      id: ref.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      displayValue: audit.displayValue ?? null,
      ...(audit.errorMessage ? { error: audit.errorMessage } : {}),
      items: summarizeItems(audit),
    });
  }
  // unweighted diagnostics/opportunities that fail, for performance (hints on what to fix)
  if (categoryId === "performance") {
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight || !audit || audit.score === null || audit.score >= 0.9) continue;
      if (!["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
      out.push({
        id: ref.id,
        title: audit.title,
        score: audit.score,
        weight: 0,
        displayValue: audit.displayValue ?? null,
        items: summarizeItems(audit),
      });
    }
  }
  return out;
}

function summarizeItems(audit) {
  const items = audit.details?.items;
  if (!Array.isArray(items) || !items.length) return undefined;
  return items
    .slice(0, 5)
    .map((it) => {
      const node = it.node ?? it.element;
      return node?.snippet ?? node?.selector ?? it.url ?? it.source?.url ?? it.description ?? it.label ?? undefined;
    })
    .filter(Boolean);
}

/** Where a feature bench keeps run `run`'s report and recording for scripts/bench/lantern-whatif.mjs:
 * with LIGHTHOUSE_ARTIFACTS=1, <data dir>/bench/<name>/run-<run>; otherwise nowhere (null). */
export function artifactsDir(name, run) {
  if (!process.env.LIGHTHOUSE_ARTIFACTS) return null;
  return path.join(dataDir(), "bench", name, `run-${run}`);
}

/** One Lighthouse run against `url` in `formFactor` "mobile" or "desktop". */
export async function runLighthouse(url, formFactor, { chromePath = "/usr/bin/chromium", reportDir = null } = {}) {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([
    import("lighthouse"),
    import("chrome-launcher"),
  ]);
  const config =
    formFactor === "desktop" ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: "silent" });
  chromes.add(chrome);
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "html", logLevel: "error", onlyCategories: categories },
      config,
    );
    if (!result) throw new Error("Lighthouse returned no result");
    const lhr = result.lhr;
    if (reportDir) {
      fs.mkdirSync(reportDir, { recursive: true });
      fs.writeFileSync(path.join(reportDir, `lighthouse-${formFactor}.html`), result.report);
      fs.writeFileSync(path.join(reportDir, `lighthouse-${formFactor}.json`), JSON.stringify(lhr));
      // LIGHTHOUSE_ARTIFACTS=1: also keep the recorded load (trace + DevTools log, ~10 MB) for
      // scripts/bench/lantern-whatif.mjs, which re-simulates it with requests changed.
      if (process.env.LIGHTHOUSE_ARTIFACTS)
        fs.writeFileSync(
          path.join(reportDir, `lighthouse-${formFactor}.artifacts.json`),
          JSON.stringify({ trace: result.artifacts.Trace, devtoolsLog: result.artifacts.DevtoolsLog }),
        );
    }
    const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
    return {
      formFactor,
      finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      runtimeError: lhr.runtimeError?.message ?? null,
      runWarnings: lhr.runWarnings ?? [],
      scores: Object.fromEntries(
        categories.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
      ),
      failing: Object.fromEntries(categories.map((c) => [c, failingAudits(lhr, c)])),
      // body elements (Lighthouse's "Avoid an excessive DOM size" warns above ~800)
      domElements: lhr.audits["dom-size"]?.numericValue ?? null,
      metrics: Object.fromEntries(
        metricIds.map((id) => [
          id,
          {
            value: lhr.audits[id]?.numericValue ?? null,
            display: lhr.audits[id]?.displayValue ?? null,
            score: lhr.audits[id]?.score ?? null,
          },
        ]),
      ),
      scriptRequests: {
        count: scripts.length,
        transferBytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0),
        resourceBytes: scripts.reduce((n, r) => n + (r.resourceSize ?? 0), 0),
        urls: scripts.map((r) => r.url),
      },
    };
  } finally {
    try {
      chrome.kill();
    } catch {
      /* gone */
    }
    chromes.delete(chrome);
  }
}
