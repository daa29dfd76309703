#!/usr/bin/env node
// The fuzz suite's long run for `npm run bench` (issue 13): tests/integration/fuzz-api.test.ts —
// hostile bodies on every JSON write endpoint, as each role — with many more cases than the 12
// per endpoint `npm test` runs, on the integration layer's own throw-away database. Prints
// pass/FAIL with the count, seed and time; exits 1 on a failure (the counter-example is printed
// by fast-check above the verdict).
//
//   npx tsx scripts/bench/bench-fuzz.mjs [--runs 300] [--seed 20261207]
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "300" }, seed: { type: "string", default: "20261207" } },
});
const runs = Math.max(1, Number(opts.runs) || 300);
const seed = Number(opts.seed) || 20261207;
const endpoints = 13; // tests/integration/fuzz-api.test.ts endpoints()

console.log(`Fuzz long run: ${runs} cases per endpoint × ${endpoints} endpoints, seed ${seed} (npm test runs 12)`);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [path.join(root, "scripts", "run.mjs"), "test", "integration", "tests/integration/fuzz-api.test.ts"],
  {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60 * 60_000,
  },
);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
const passed = r.status === 0 && /Tests: 1 passed, 0 failed/.test(output);
if (!passed)
  console.log(
    output
      .split("\n")
      .filter((line) => /FAIL|Error|Counterexample|expected|›|❯|×/.test(line))
      .slice(0, 60)
      .join("\n"),
  );
console.log(
  `Fuzz long run: ${passed ? "pass" : "FAIL"} — ${(runs * endpoints).toLocaleString("en")} hostile requests, no 5xx, every refusal in the error envelope and storing nothing (${seconds} s)`,
);
process.exit(passed ? 0 : 1);
