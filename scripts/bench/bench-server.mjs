// The start of every feature bench: a built app, the test PostgreSQL, the production server on a
// fresh database of its own, and the app's domain modules pointed at that database (they read
// DATABASE_URL on first use, so it is set before they are imported). What it starts is stopped
// by the bench's `cleanups`, last first.
import path from "node:path";
import { ensureBuild, testPostgres } from "../lib/project.mjs";

/**
 * @param {string} label the run's name (its log folder under .data/runs)
 * @param {(() => unknown)[]} cleanups the bench's clean-up list
 * @param {(message: string) => void} log
 * @param {{ extraEnv?: Record<string, string> }} [options] more environment for the server
 */
export async function benchServer(label, cleanups, log, options = {}) {
  await ensureBuild();
  const { startTestServer } = await import("../test.mjs");
  log("starting the test PostgreSQL and the production server on a fresh database…");
  const pgServer = await testPostgres();
  cleanups.push(() => pgServer.stop());
  const server = await startTestServer(pgServer, {
    label,
    ...(options.extraEnv ? { extraEnv: options.extraEnv } : {}),
  });
  cleanups.push(() => server.stop());
  process.env.DATABASE_URL = server.env.DATABASE_URL;
  process.env.AUTH_SECRET = server.env.AUTH_SECRET;
  process.env.AUTH_URL = server.baseUrl;
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  const dbModule = await import("../../lib/db.ts");
  cleanups.push(() => dbModule.closeDb());
  return {
    pgServer,
    server,
    baseUrl: server.baseUrl,
    serverLog: path.join(server.runDir, "server.log"),
    db: dbModule.db,
  };
}
