// What the benches that call the domain functions in their own process share (bench-desk,
// bench-studio, bench-notes, bench-search): a throw-away database on the test PostgreSQL, made,
// migrated and dropped however the script ends; the environment the domain modules read; timing
// rounds and their figures; the accounts and stored anchors they seed.
import crypto from "node:crypto";
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import { createDatabase, dropDatabase, migrate, root, testPostgres } from "../lib/project.mjs";

/** `--name value` from the command line, else `fallback`. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

/**
 * A fresh, migrated database `gloss_bench_<label>_<hex>` on the test PostgreSQL: { pgServer, dbName, url,
 * onCleanup(fn), cleanup() }. `cleanup()` (once; also on SIGINT/SIGTERM, then exit 130) runs the
 * `onCleanup` functions, drops the database — unless `keep`, or it is a `reuse`d one kept by an earlier
 * run (neither created nor migrated then) — and stops PostgreSQL.
 */
export async function benchDatabase(label, { reuse = null, keep = false } = {}) {
  const pgServer = await testPostgres();
  const dbName = reuse ?? `gloss_bench_${label}_${crypto.randomBytes(4).toString("hex")}`;
  const url = pgServer.url(dbName);
  const first = [];
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of first) await Promise.resolve(fn()).catch(() => {});
      if (keep || reuse) console.log(`kept database ${dbName}`);
      else
        await dropDatabase(pgServer.adminUrl, dbName).catch((e) =>
          console.error(`[bench-${label}] drop: ${e.message}`),
        );
      await pgServer.stop();
    })());
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)));
  if (!reuse) {
    await createDatabase(pgServer.adminUrl, dbName);
    await migrate(url);
  }
  return { pgServer, dbName, url, cleanup, onCleanup: (fn) => first.push(fn) };
}

/** Points the domain modules at `url` (they read it on first use: call this before importing them). */
export function pointDomainAt(url) {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
  // Nothing here needs the bootstrap admin; a half-set pair would only fail env validation.
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
}

/** Imports a TypeScript module of the project (path from its root) from a plain-Node script. */
export const loadTs = (file) => tsImport(new URL(`file://${path.join(root, file)}`).href, import.meta.url);

/** Milliseconds since `t0` (a process.hrtime.bigint()). */
export const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
/** Milliseconds of CPU in a process.cpuUsage() difference. */
export const cpuMs = (usage) => (usage.user + usage.system) / 1000;

/** Runs `fn` and returns { ms, result }. */
export async function timed(fn) {
  const t = process.hrtime.bigint();
  const result = await fn();
  return { ms: msSince(t), result };
}

const quantileOfSorted = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
export const median = (xs) =>
  quantileOfSorted(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
/** Median, 95th percentile and maximum of timings. */
export const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantileOfSorted(s, 0.5), p95: quantileOfSorted(s, 0.95), max: s.at(-1) };
};
export const fmtStats = ({ median, p95, max }) =>
  `median ${median.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · max ${max.toFixed(1)} ms`;

/**
 * `rounds` rounds over `entries`, one timed `call(entry, round)` each, in turn; each time goes to the
 * returned samples and to `entry.times`; `seen(entry, result, round)` keeps what the caller wants of
 * the answer; `afterRound(round, samples)` runs at the end of each round (more timed calls of its own).
 */
export async function timeRounds(rounds, entries, call, { seen, afterRound } = {}) {
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    for (const entry of entries) {
      const { ms, result } = await timed(() => call(entry, round));
      samples.push(ms);
      entry.times.push(ms);
      seen?.(entry, result, round);
    }
    await afterRound?.(round, samples);
  }
  return samples;
}

/** The note under a busy machine's figures, or nothing. */
export function busyNote(load1, cpus) {
  if (load1 > cpus)
    console.log(`  (the machine is busy — load ${load1.toFixed(1)} on ${cpus} CPUs — so these times are pessimistic)`);
}

/** Two (or `count`) connections to `url`, for seeding in parallel. */
export async function pgClients(pg, url, count = 2) {
  const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: url }));
  for (const c of clients) {
    c.on("error", () => {});
    await c.connect();
  }
  return clients;
}

/** An account made through the real sign-up path (trusted), as a viewer. */
export async function benchAccount(createUser, role, suffix) {
  const u = await createUser(
    { name: `Bench ${role}`, email: `bench-${role}-${suffix}@gloss.test`, password: `bench-password-${suffix}` },
    { role, trusted: true },
  );
  return { id: u.id, name: u.name, email: u.email, role: u.role, status: u.status, bannedUntil: null };
}

/**
 * Rows for notes on random passages (randomAnchors), stored as the API stores them: `label` N as the
 * body (N from `first` + 1), anchored on `revisionId`.
 */
export const anchoredRows = (anchors, { articleId, authorId, revisionId, label, first = 0 }) =>
  anchors.map((a, at) => {
    const i = first + at;
    const id = crypto.randomBytes(12).toString("hex");
    return {
      id,
      threadId: id,
      articleId,
      authorId,
      body: `${label} ${i + 1}`,
      html: `<p>${label} ${i + 1}</p>`,
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
      start: a.position.start,
      end: a.position.end,
      blockId: a.blockId ?? null,
      anchorRevisionId: revisionId,
      originalExact: a.quote.exact,
    };
  });
