import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryAfterSeconds } from "@/lib/rate-limit/hit-rate-limit";

const root = process.cwd();
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const fixture = path.join(root, "tests", "integration", "fixtures", "hit-rate-limit-many.ts");

type Result = { pid: number; counts: number[]; startedAt: number; endedAt: number };

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Starts one app-like process (its own PrismaClient and pool) that will hit `key` `hits` times. */
function startHitter(key: string, hits: number, windowMs: number) {
  const child = spawn(process.execPath, [tsx, fixture, key, String(hits), String(windowMs)], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (out.includes("ready\n")) resolve();
    };
    child.stdout!.on("data", check);
    exited.then((code) => reject(new Error(`hitter exited (${code}) before it was ready:\n${err}`)));
  });
  async function result(): Promise<Result> {
    const code = await exited;
    if (code !== 0) throw new Error(`hitter exited with ${code}:\n${err}`);
    const line = out.split("\n").find((l) => l.startsWith("{"));
    if (!line) throw new Error(`hitter printed no result:\n${out}\n${err}`);
    return JSON.parse(line) as Result;
  }
  return { ready, go: () => child.stdin!.end("go\n"), result };
}

describe("rate limits across processes", () => {
  it("counts every hit of two concurrent processes on one key: no lost updates, and the limit holds", async () => {
    const key = `test:multi-process:${crypto.randomBytes(6).toString("hex")}`;
    const hitsEach = 100;
    const windowMs = 60 * 60_000;
    const hitters = [startHitter(key, hitsEach, windowMs), startHitter(key, hitsEach, windowMs)];
    await Promise.all(hitters.map((h) => h.ready));
    for (const h of hitters) h.go();
    const results = await Promise.all(hitters.map((h) => h.result()));

    const total = hitsEach * hitters.length;
    expect(new Set(results.map((r) => r.pid)).size).toBe(2);
    // The two processes ran at the same time.
    const [a, b] = results;
    expect(a.startedAt).toBeLessThanOrEqual(b.endedAt);
    expect(b.startedAt).toBeLessThanOrEqual(a.endedAt);

    // Every hit got its own count: 1…total, each exactly once (atomic increments).
    const counts = results.flatMap((r) => r.counts).sort((x, y) => x - y);
    expect(counts).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(total);

    // The parent process sees the limit reached exactly at the total number of hits.
    const atLimit = await retryAfterSeconds([{ key, window: { limit: total, windowMs } }]);
    expect(atLimit).toBeGreaterThan(0);
    expect(atLimit).toBeLessThanOrEqual(windowMs / 1000);
    expect(await retryAfterSeconds([{ key, window: { limit: total + 1, windowMs } }])).toBe(0);
  }, 60_000);
});
