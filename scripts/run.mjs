#!/usr/bin/env node
import { spawn } from "node:child_process";
// The project's commands (package.json scripts): start, dev, build, test, bench, gloss, db:check.
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import {
  appDatabase,
  authSecret,
  baseEnv,
  die,
  ensureBuild,
  migrate,
  root,
  run,
  testPostgres,
  tsxBin,
} from "./lib/project.mjs";

process.chdir(root);
const [command, ...args] = process.argv.slice(2);

async function validateEnv(extra) {
  const { parseEnv } = await tsImport("../lib/env.ts", import.meta.url);
  const parsed = parseEnv({ ...process.env, ...extra });
  if (parsed.error) die(`Invalid environment: ${parsed.error}`);
  return parsed.env;
}

// Pre-validate what the user gave before starting anything (DATABASE_URL gets a placeholder when unset).
async function appEnv() {
  await validateEnv({
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://embedded/gloss",
    AUTH_SECRET: authSecret(),
  });
  const database = await appDatabase();
  const port = process.env.PORT ?? "3000";
  const env = baseEnv({
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
    AUTH_TRUST_HOST: "true",
    PORT: port,
  });
  return { env, database };
}

async function bootstrap(env) {
  await migrate(env.DATABASE_URL);
  const r = await run(process.execPath, [tsxBin, path.join("scripts", "seed.ts")], { env });
  if (r.code !== 0) die("Seeding failed (see above).");
}

/** Runs a long-lived child; Ctrl-C / SIGTERM stop it first, then the embedded database. */
function serveUntilStopped(child, database) {
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        child.once("exit", r);
        setTimeout(r, 35_000);
      }); // the server drains up to 30 s
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  process.on("SIGHUP", () => stop(0));
  child.on("exit", (code) => stop(code ?? 0));
}

const commands = {
  async start() {
    const { env, database } = await appEnv();
    await bootstrap(env);
    await ensureBuild();
    const child = spawn(process.execPath, [path.join("scripts", "server.mjs")], {
      env: { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "true" },
      stdio: "inherit",
    });
    serveUntilStopped(child, database);
  },

  async dev() {
    const { env, database } = await appEnv();
    await bootstrap(env);
    const child = spawn(process.execPath, [path.join("scripts", "server.mjs"), "--dev"], {
      env: { ...env, NODE_ENV: "development" },
      stdio: "inherit",
    });
    serveUntilStopped(child, database);
  },

  async build() {
    await ensureBuild({ force: true });
  },

  async gloss() {
    await validateEnv({
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://embedded/gloss",
      AUTH_SECRET: authSecret(),
    });
    const database = await appDatabase();
    const env = baseEnv({ DATABASE_URL: database.url, AUTH_SECRET: authSecret() });
    await migrate(database.url);
    const r = await run(process.execPath, [tsxBin, path.join("scripts", "cli.ts"), ...args], { env });
    await database.stop();
    process.exit(r.code);
  },

  async "db:check"() {
    const pgServer = await testPostgres();
    const r = await run(process.execPath, [path.join("scripts", "tools", "db-drift-check.mjs")], {
      env: baseEnv({ DATABASE_URL: pgServer.adminUrl }),
    });
    await pgServer.stop();
    process.exit(r.code);
  },

  async test() {
    const { runTests } = await import("./test.mjs");
    process.exit(await runTests(args));
  },

  async "test:integration"() {
    const { runTests } = await import("./test.mjs");
    process.exit(await runTests(["integration"]));
  },

  async "test:e2e"() {
    const { runTests } = await import("./test.mjs");
    process.exit(await runTests(["e2e", ...args]));
  },

  async bench() {
    const r = await run(process.execPath, [path.join("scripts", "bench", "bench.mjs"), ...args]);
    process.exit(r.code);
  },
};

if (!commands[command]) die(`Unknown command "${command}". Use one of: ${Object.keys(commands).join(", ")}.`);

await commands[command]();
