import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { lockMs, retryDelayMs, runDueJobs, runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { startJobWorker } from "@/lib/jobs/start-job-worker";
import { queueMail } from "@/lib/mail/queue-mail";
import { deliverMail, listOutbox, type Mail } from "@/lib/mail/send-mail";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";
import { refusingSmtpServer } from "../support/smtp-server";

// The job queue in PostgreSQL (lib/jobs): mail that fails is retried and sent once, several
// workers (processes) share the queue without taking a job twice, a dead worker's job comes back,
// and scheduled publishing and clean-up run from it.

const root = process.cwd();
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const fixture = path.join(root, "tests", "integration", "fixtures", "job-worker.ts");
const children: ChildProcess[] = [];
const tag = () => `job-${crypto.randomBytes(5).toString("hex")}`;

beforeEach(async () => {
  await runJobsUntilIdle(); // what earlier tests left goes first
  // What is left after that (a follower digest waiting out its hour, a mail retrying, a periodic
  // job other files scheduled by their own moved clocks) would come due when these tests move the
  // clock: none of it is this file's to count. Each test here makes the jobs it counts.
  await db.job.deleteMany({});
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** A small SMTP server that refuses the first `refusals` messages (451) and keeps the rest. */

function startChild(mode: "record" | "hang") {
  const child = spawn(process.execPath, [tsx, fixture, mode], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const until = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(text)) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(check, 20);
      child.once("exit", (code) => {
        check();
        clearInterval(timer);
        if (!out.includes(text)) reject(new Error(`worker exited ${code} before "${text}": ${err.slice(0, 500)}`));
      });
    });
  return { child, output: () => out, until };
}

describe("job queue", () => {
  it("retries a mail the SMTP server refuses, with back-off, and sends it once", { timeout: 60_000 }, async () => {
    clock.set(new Date()); // still, so the back-off can be checked to the millisecond
    const smtp = await refusingSmtpServer(3);
    try {
      const subject = `Retried ${tag()}`;
      await queueMail(db, { to: "reader@gloss.test", subject, text: "Hello." });
      const job = await db.job.findFirstOrThrow({
        where: { kind: "mail", payload: { path: ["subject"], equals: subject } },
      });
      const handlers = {
        mail: (payload: unknown, j: { id: string }) =>
          deliverMail(payload as Mail, { messageId: j.id, transport: smtp.transport }),
      };

      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(await runDueJobs({ handlers })).toMatchObject({ claimed: 1, failed: 1 });
        const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
        expect(row).toMatchObject({ attempts: attempt, lockedUntil: null, failedAt: null });
        expect(row.lastError).toMatch(/451/);
        expect(row.runAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(attempt));
        // not before its time
        expect(await runDueJobs({ handlers })).toEqual({ claimed: 0, failed: 0 });
        clock.advance(retryDelayMs(attempt));
      }
      expect(await runDueJobs({ handlers })).toEqual({ claimed: 1, failed: 0 });
      expect(await db.job.findUnique({ where: { id: job.id } })).toBeNull();
      expect(smtp.refusedCount()).toBe(3);
      expect(smtp.received.filter((m) => m.subject === subject)).toEqual([
        { subject, messageId: `<${job.id}@localhost>` },
      ]);
      expect(await runDueJobs({ handlers })).toEqual({ claimed: 0, failed: 0 });
    } finally {
      await smtp.close();
    }
  });

  it("keeps a job that never succeeds, as failed, after its last attempt", async () => {
    const key = tag();
    await enqueueJob(db, { kind: "test:always-fails", key, maxAttempts: 2 });
    const handlers = {
      "test:always-fails": async () => {
        throw new Error("refused for good");
      },
    };
    await runDueJobs({ handlers });
    clock.advance(retryDelayMs(1));
    await runDueJobs({ handlers });
    const row = await db.job.findUniqueOrThrow({ where: { key } });
    expect(row).toMatchObject({ attempts: 2, lastError: "refused for good", lockedUntil: null });
    expect(row.failedAt).not.toBeNull();
    clock.advance(3_600_000);
    expect(await runDueJobs({ handlers })).toEqual({ claimed: 0, failed: 0 });
    await db.job.delete({ where: { key } });
  });

  it("shares the queue between processes: every job runs once, none twice", { timeout: 120_000 }, async () => {
    const ids = new Set<string>();
    const subject = tag();
    for (let i = 0; i < 60; i++) await queueMail(db, { to: `r${i}@gloss.test`, subject, text: String(i) });
    for (const j of await db.job.findMany({ where: { kind: "mail" }, select: { id: true } })) ids.add(j.id);
    expect(ids.size).toBe(60);

    const workers = [startChild("record"), startChild("record"), startChild("record")];
    await Promise.all(workers.map((w) => w.until("ready")));
    for (const w of workers) w.child.stdin!.write("go\n");
    await Promise.all(workers.map((w) => w.until("done")));

    const runs = workers.flatMap((w) =>
      w
        .output()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { id: string; pid: number }),
    );
    const counts = new Map<string, number>();
    for (const r of runs) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(new Set(runs.map((r) => r.id))).toEqual(ids);
    expect(new Set(runs.map((r) => r.pid)).size).toBeGreaterThan(1); // they did share it
    expect(await db.job.count({ where: { id: { in: [...ids] } } })).toBe(0);
  });

  it("takes back a job whose worker died holding it, once its lock runs out", { timeout: 60_000 }, async () => {
    const subject = `Orphaned ${tag()}`;
    await queueMail(db, { to: "reader@gloss.test", subject, text: "Hello." });
    const job = await db.job.findFirstOrThrow({
      where: { kind: "mail", payload: { path: ["subject"], equals: subject } },
    });
    const doomed = startChild("hang");
    await doomed.until("claimed");
    doomed.child.kill("SIGKILL");
    await new Promise((r) => doomed.child.once("exit", r));
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ attempts: 1, failedAt: null });

    const sent: string[] = [];
    const handlers = {
      mail: async (_p: unknown, j: { id: string }) => {
        sent.push(j.id);
      },
    };
    expect((await runDueJobs({ handlers })).claimed).toBe(0); // still locked by the dead worker
    clock.advance(lockMs + 1_000);
    expect(await runDueJobs({ handlers })).toEqual({ claimed: 1, failed: 0 });
    expect(sent).toEqual([job.id]);
    expect(await db.job.findUnique({ where: { id: job.id } })).toBeNull();
  });

  it("publishes scheduled articles and cleans up expired rows as periodic jobs", async () => {
    clock.set(new Date());
    const { id } = await insertArticle();
    await db.article.update({
      where: { id },
      data: { status: "scheduled", publishAt: new Date(clock.now().getTime() - 1_000) },
    });
    const user = await member("commenter");
    const expiredSession = `s-${tag()}`;
    await db.session.create({
      data: { sessionToken: expiredSession, userId: user.id, expires: new Date(clock.now().getTime() - 1_000) },
    });
    const staleKey = `stale:${tag()}`;
    await db.rateLimit.create({
      data: { key: staleKey, windowStart: new Date(clock.now().getTime() - 2 * 86_400_000), count: 3 },
    });
    await db.job.deleteMany({ where: { key: { in: ["every:publish-due", "every:clean-up"] } } });
    await enqueueJob(db, { kind: "publish-due", key: "every:publish-due" });
    await enqueueJob(db, { kind: "clean-up", key: "every:clean-up" });
    expect(await enqueueJob(db, { kind: "publish-due", key: "every:publish-due" })).toBe(false); // one of each

    expect(await runDueJobs()).toEqual({ claimed: 2, failed: 0 });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published");
    expect(await db.session.findUnique({ where: { sessionToken: expiredSession } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: staleKey } })).toBeNull();
    const publish = await db.job.findUniqueOrThrow({ where: { key: "every:publish-due" } });
    expect(publish).toMatchObject({ attempts: 0, lockedUntil: null });
    expect(publish.runAt.getTime()).toBe(clock.now().getTime() + 5_000);
    await db.job.deleteMany({ where: { key: { in: ["every:publish-due", "every:clean-up"] } } });
  });

  it("queues reply mail with the reply (nothing is sent in the request), and the worker sends it", {
    timeout: 30_000,
  }, async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter");
    const replier = await member("commenter");
    const parent = await post(author, slug, "A first thought.");
    const reply = await post(replier, slug, "An answer.", parent.id);
    const queued = await db.job.findMany({ where: { kind: "mail", payload: { path: ["to"], equals: author.email } } });
    expect(queued).toHaveLength(1);
    expect((await listOutbox(500)).filter((m) => m.to === author.email)).toEqual([]);

    const worker = startJobWorker({ pollMs: 50 });
    try {
      for (let i = 0; i < 100 && !(await listOutbox(500)).some((m) => m.to === author.email); i++)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.emit("gloss:shutdown" as never);
      await worker.stop();
    }
    const mails = (await listOutbox(500)).filter((m) => m.to === author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(reply.id);
    expect(await db.job.count({ where: { id: queued[0].id } })).toBe(0);
    await db.job.deleteMany({ where: { key: { in: ["every:publish-due", "every:clean-up"] } } });
  });
});
