import crypto from "node:crypto";
import os from "node:os";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { type JobHandler, jobHandlers, periodicJobs } from "./job-handlers";

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  key: string | null;
  attempts: number;
  maxAttempts: number;
};

/** This process's name in `lockedBy`. */
export const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

/** How long a claimed job is ours: a worker that dies holding it frees it when this runs out. */
export const lockMs = 5 * 60_000;

/** The wait before retry n (1, 2, …): 5 s, 10 s, 20 s … at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * Claims up to `limit` due jobs (FOR UPDATE SKIP LOCKED: several processes share the queue and
 * never take the same job) and runs them one by one. A job done is deleted (a periodic one moves
 * to its next run); one that throws is retried later with back-off, or kept as failed after its
 * last attempt. Returns how many were claimed, so a caller can go on while the queue is full.
 */
export async function runDueJobs(
  options: { worker?: string; limit?: number; handlers?: Record<string, JobHandler> } = {},
) {
  const worker = options.worker ?? workerId;
  const handlers = { ...jobHandlers, ...options.handlers };
  const now = clock.now();
  const jobs = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" j SET "lockedUntil" = ${new Date(now.getTime() + lockMs)}, "lockedBy" = ${worker}, "attempts" = j."attempts" + 1
    FROM (SELECT "id" FROM "Job" WHERE "runAt" <= ${now} AND "failedAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
          ORDER BY "runAt", "id" LIMIT ${options.limit ?? 10} FOR UPDATE SKIP LOCKED) due
    WHERE j."id" = due."id"
    RETURNING j."id", j."kind", j."payload", j."key", j."attempts", j."maxAttempts"`;
  let failed = 0;
  for (const job of jobs) {
    const mine = { id: job.id, lockedBy: worker };
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler(job.payload, job);
      const every = periodicJobs[job.kind];
      if (every && job.key === `every:${job.kind}`)
        await db.job.updateMany({
          where: mine,
          data: {
            runAt: new Date(clock.now().getTime() + every),
            attempts: 0,
            lockedUntil: null,
            lockedBy: null,
            lastError: null,
          },
        });
      else await db.job.deleteMany({ where: mine });
    } catch (e) {
      failed++;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
      const last = job.attempts >= job.maxAttempts;
      console.error(
        `[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}${last ? ", giving up" : ""}): ${message.split("\n")[0]}`,
      );
      await db.job
        .updateMany({
          where: mine,
          data: last
            ? { failedAt: clock.now(), lastError: message, lockedUntil: null, lockedBy: null }
            : {
                runAt: new Date(clock.now().getTime() + retryDelayMs(job.attempts)),
                lastError: message,
                lockedUntil: null,
                lockedBy: null,
              },
        })
        .catch(() => {}); // the database gone too: the lock runs out and the job comes back
    }
  }
  return { claimed: jobs.length, failed };
}

/** Runs every job that is due until none is (tests; a command that wants its mail out now). */
export async function runJobsUntilIdle(options: Parameters<typeof runDueJobs>[0] = {}) {
  let total = 0;
  for (;;) {
    const { claimed } = await runDueJobs(options);
    total += claimed;
    if (!claimed) return total;
  }
}
