// `npm test`: every layer, each against its own throw-away database on the test PostgreSQL
// (.data/test-pg), never the `npm start` data. Layers can be picked: `npm test -- unit e2e`.

import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import {
  baseEnv,
  bin,
  createDatabase,
  dataDir,
  dropDatabase,
  ensureBuild,
  migrate,
  root,
  run,
  testPostgres,
  tsxBin,
} from "./lib/project.mjs";

const resultsDir = () => path.join(dataDir(), "test-results");
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const failedNames = [];
const flakyNames = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(file, layer) {
  const r = readJson(file);
  if (!r) return false;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numFailedTests) {
    failures.push(`${layer}: ${r.numFailedTests} failed`);
    for (const file of r.testResults ?? [])
      for (const t of file.assertionResults ?? [])
        if (t.status === "failed")
          failedNames.push(`${layer}: ${path.relative(process.cwd(), file.name)} › ${t.fullName}`);
  }
  return true;
}

// Every test of a Playwright JSON report, with the file it sits in and its title path.
function* playwrightTests(suite, titles = []) {
  const here = suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? [])
      yield { file: spec.file ?? suite.file, title: [...here, spec.title].join(" › "), test: t };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

function countPlaywright(file) {
  const r = readJson(file);
  if (!r?.stats) return false;
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected;
  totals.skipped += r.stats.skipped;
  if (r.stats.unexpected) failures.push(`e2e: ${r.stats.unexpected} failed`);
  for (const suite of r.suites ?? [])
    for (const { file, title, test } of playwrightTests(suite)) {
      if (test.status === "unexpected") failedNames.push(`e2e: ${file} › ${title}`);
      // Passed only on its retry (CI allows one): named so a flaky test is seen and fixed, not forgotten.
      if (test.status === "flaky") flakyNames.push(`e2e: ${file} › ${title}`);
    }
  return true;
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const ok = await fn();
  console.log(`━━ ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok && !failures.some((f) => f.startsWith(name))) failures.push(`${name} failed`);
  return ok;
}

const vitest = bin("vitest", "vitest.mjs");

/** A fresh, migrated database on the test server; dropped by the returned `drop`. */
async function freshDatabase(pgServer, label) {
  const name = `gloss_${label}_${crypto.randomBytes(4).toString("hex")}`;
  await createDatabase(pgServer.adminUrl, name);
  const url = pgServer.url(name);
  await migrate(url);
  return { url, drop: () => dropDatabase(pgServer.adminUrl, name) };
}

export function chromiumPath() {
  for (const p of [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ])
    if (p && fs.existsSync(p)) return p;
  return null;
}

/** Starts the production server on a fresh database; returns { baseUrl, env, stop }. */
export async function startTestServer(pgServer, { label = "e2e", extraEnv = {} } = {}) {
  const database = await freshDatabase(pgServer, label);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const runDir = path.join(dataDir(), "runs", `${label}-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(runDir, { recursive: true });
  const env = baseEnv({
    DATABASE_URL: database.url,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    AUTH_URL: baseUrl,
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    GLOSS_DATA_DIR: runDir,
    ADMIN_EMAIL: "admin@e2e.test",
    ADMIN_PASSWORD: "e2e-admin-password-1",
    ...extraEnv,
  });
  const seeded = await run(process.execPath, [tsxBin, path.join("scripts", "seed.ts")], { env, quiet: true });
  if (seeded.code !== 0) throw new Error(`seeding the ${label} database failed:\n${seeded.out}`);
  // Every browser of a test run signs up from 127.0.0.1: the per-address sign-up limit (10 an hour,
  // lib/users/sign-up.ts; its own integration test proves it) would stop the run's later sign-ups.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('signUpIpLimit', $1, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify({ limit: 100_000, windowMs: 60 * 60_000 })],
    );
  } finally {
    await client.end();
  }
  const log = fs.openSync(path.join(runDir, "server.log"), "w");
  const child = spawn(process.execPath, [path.join("scripts", "server.mjs")], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", log, log],
  });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the test server exited; see ${runDir}/server.log`);
    try {
      if ((await fetch(baseUrl + "/api/articles")).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  async function stop() {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        child.once("exit", r);
        setTimeout(r, 12_000);
      });
    }
    await database.drop();
  }
  return { baseUrl, env, runDir, stop };
}

const layers = {
  async typecheck() {
    return (await run(process.execPath, [bin("typescript", "bin/tsc"), "--noEmit"])).code === 0;
  },
  async lint() {
    // ESLint's rules, then the formatter's check (Biome: layout and sorted imports; `npm run format` fixes).
    if ((await run(process.execPath, [bin("eslint", "bin/eslint.js"), ".", "--max-warnings", "0"])).code !== 0)
      return false;
    return (await run(process.execPath, [bin("@biomejs/biome", "bin/biome"), "check", "."])).code === 0;
  },
  async unit(_pgServer, extraArgs = []) {
    const out = path.join(resultsDir(), "unit.json");
    const r = await run(process.execPath, [
      vitest,
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
      ...extraArgs,
    ]);
    return countVitest(out, "unit") && r.code === 0;
  },
  async migrations(pgServer) {
    const r = await run(process.execPath, [path.join("scripts", "tools", "db-drift-check.mjs")], {
      env: baseEnv({ DATABASE_URL: pgServer.adminUrl }),
    });
    return r.code === 0;
  },
  async integration(pgServer, extraArgs = []) {
    const database = await freshDatabase(pgServer, "int");
    const out = path.join(resultsDir(), "integration.json");
    try {
      const r = await run(
        process.execPath,
        [
          vitest,
          "run",
          "--project",
          "integration",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${out}`,
          ...extraArgs,
        ],
        {
          env: baseEnv({
            DATABASE_URL: database.url,
            AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
            GLOSS_DATA_DIR: path.join(dataDir(), "runs", "integration"),
          }),
        },
      );
      return countVitest(out, "integration") && r.code === 0;
    } finally {
      await database.drop();
    }
  },
  async e2e(pgServer, extraArgs) {
    const chromium = chromiumPath();
    if (!chromium) {
      console.error("No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.");
      return false;
    }
    await ensureBuild();
    const server = await startTestServer(pgServer);
    const out = path.join(resultsDir(), "e2e.json");
    try {
      const r = await run(process.execPath, [bin("@playwright/test", "cli.js"), "test", ...extraArgs], {
        env: {
          ...server.env,
          E2E_BASE_URL: server.baseUrl,
          CHROMIUM_PATH: chromium,
          PLAYWRIGHT_JSON_OUTPUT_NAME: out,
          E2E_OUTBOX: path.join(server.runDir, "mail"),
        },
      });
      const counted = countPlaywright(out);
      if (r.code !== 0) console.log(`(server log: ${server.runDir}/server.log)`);
      if (r.code === 0 || !counted) return r.code === 0 && counted;
      return false;
    } finally {
      await server.stop();
    }
  },
  async bench(pgServer) {
    await ensureBuild();
    const server = await startTestServer(pgServer, { label: "bench" });
    try {
      return (
        (
          await run(process.execPath, [
            path.join("scripts", "bench", "bench.mjs"),
            "--smoke",
            "--base-url",
            server.baseUrl,
          ])
        ).code === 0
      );
    } finally {
      await server.stop();
    }
  },
};

export async function runTests(args) {
  const picked = args.filter((a) => a in layers);
  const extra = args.filter((a) => !(a in layers));
  const order = picked.length ? picked : Object.keys(layers);
  fs.rmSync(resultsDir(), { recursive: true, force: true });
  fs.mkdirSync(resultsDir(), { recursive: true });
  const t0 = Date.now();
  const needsDb = order.some((l) => ["migrations", "integration", "e2e", "bench"].includes(l));
  const pgServer = needsDb ? await testPostgres() : null;
  try {
    for (const layer of order) {
      try {
        await step(layer, () => layers[layer](pgServer, extra));
      } catch (e) {
        console.error(e);
        failures.push(`${layer}: ${e.message?.split("\n")[0]}`);
      }
    }
  } finally {
    await pgServer?.stop();
  }
  for (const [label, names] of [
    ["Failed", failedNames],
    ["Flaky (failed, then passed on its retry)", flakyNames],
  ])
    if (names.length) console.log(`\n${label}:\n${names.map((n) => `  ${n}`).join("\n")}`);
  console.log(
    `\n${failures.length ? "FAILED: " + failures.join("; ") : "Every layer passed."} (${Math.round((Date.now() - t0) / 1000)} s)`,
  );
  console.log(
    `Tests: ${totals.passed} passed, ${totals.failed + (failures.length && !totals.failed ? 1 : 0)} failed, ${totals.skipped} skipped`,
  );
  return failures.length ? 1 : 0;
}
