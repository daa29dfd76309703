// The end of a feature bench (bench-comments, bench-moderation): the table of figures and
// budgets, the load average, broken measurements, .data/bench/<name>.json, and the exit code.
import fs from "node:fs";
import path from "node:path";
import { dataDir, root } from "../lib/project.mjs";

/** A table to fill with row(metric, value, budget?, pass?): pass null is a figure without a budget. */
export function benchTable() {
  const table = [];
  const row = (metric, value, budget = "", pass = null) =>
    table.push({ metric, value, budget, status: pass === null ? "" : pass ? "PASS" : "FAIL" });
  return { table, row };
}

/** Prints the report, writes the JSON and exits: 1 when a budget failed or a measurement broke (unless noFail). */
export function finishBench(name, { results, table, problems, noFail, startedAt }) {
  const widths = ["metric", "value", "budget", "status"].map((k) =>
    Math.max(k.length, ...table.map((r) => r[k].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log("");
  console.log(line(["Metric", "Value", "Budget", "Result"]));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of table) console.log(line([r.metric, r.value, r.budget, r.status]));
  const [load1] = results.loadAverageAtStart;
  console.log(
    `load average ${results.loadAverageAtStart.join(" ")} at the start, ${results.loadAverageAtEnd.join(" ")} at the end, on ${results.cpus} CPUs${load1 > results.cpus ? " (busy: the numbers are pessimistic)" : ""}`,
  );
  if (problems.length) {
    console.log("\nBroken measurements:");
    for (const p of problems) console.log(`  - ${p}`);
    if (results.serverLog) console.log(`  (server log: ${results.serverLog})`);
  }
  const budgetFailed = table.some((r) => r.status === "FAIL");
  Object.assign(results, {
    table,
    problems,
    budgetsPassed: !budgetFailed,
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
  });
  const jsonFile = path.join(dataDir(), "bench", `${name}.json`);
  try {
    fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
    fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + "\n");
  } catch (e) {
    console.error(`[bench-${name}] could not write ${jsonFile}: ${e.message}`);
  }
  console.log(
    `\n${budgetFailed || problems.length ? "Budgets: FAIL" : "Budgets: all PASS"} — ${results.seconds} s; ${path.relative(root, jsonFile)}`,
  );
  process.exit((budgetFailed || problems.length) && !noFail ? 1 : 0);
}

/**
 * What a bench started, stopped however it ends: `cleanups.push(fn)` as things start; `cleanup()`
 * runs them once, newest first (the run's finally and a signal may both ask); Ctrl-C stops them
 * and exits 130; `interrupted()` tells the run's finally to wait for that exit.
 */
export function benchCleanup(name, { first = () => {} } = {}) {
  const cleanups = [];
  let cleaning = null;
  let interrupted = false;
  const cleanup = () => {
    cleaning ??= (async () => {
      first();
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          await fn();
        } catch (e) {
          console.error(`[bench-${name}] cleanup: ${e.message}`);
        }
      }
    })();
    return cleaning;
  };
  // project.mjs helpers end the process with process.exit on failure: still send the stop signals.
  process.on("exit", () => {
    for (const fn of cleanups.reverse()) {
      try {
        fn().catch(() => {});
      } catch {
        /* best effort */
      }
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n[bench-${name}] ${signal}: stopping…`);
      cleanup().finally(() => process.exit(130));
    });
  }
  return { cleanups, cleanup, interrupted: () => interrupted };
}

export const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
export const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "—";
