import { db } from "@/lib/db";
import { closeSmtp } from "@/lib/mail/send-mail";
import { enqueueJob } from "./enqueue-job";
import { periodicJobs } from "./job-handlers";
import { runDueJobs } from "./run-due-jobs";

export type JobWorker = { stop(): Promise<void> };

const globalForWorker = globalThis as unknown as { glossJobWorker?: JobWorker };

/**
 * Starts this process's job worker (once per process; later calls return the same one): every
 * `pollMs` it runs the jobs that are due, and it makes sure each periodic job exists. Survives a
 * database outage (it logs once and tries again). Stops on `process.emit("gloss:shutdown")`
 * (scripts/server.mjs's drain) or `stop()`, after the job in hand.
 */
export function startJobWorker(options: { pollMs?: number } = {}): JobWorker {
  if (globalForWorker.glossJobWorker) return globalForWorker.glossJobWorker;
  const pollMs = options.pollMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let periodicReady = false;
  let failing = false;

  async function tick() {
    try {
      if (!periodicReady) {
        for (const kind of Object.keys(periodicJobs))
          await enqueueJob(db, { kind, key: `every:${kind}`, maxAttempts: 1_000_000_000 });
        periodicReady = true;
      }
      // Go on while the queue is full; then wait.
      while (!stopped && (await runDueJobs()).claimed > 0);
      if (failing) console.error("[jobs] the queue is reachable again");
      failing = false;
    } catch (e) {
      if (!failing) console.error("[jobs] cannot reach the queue:", e instanceof Error ? e.message.split("\n")[0] : e);
      failing = true;
    }
  }
  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, pollMs);
    timer.unref();
  }
  const worker: JobWorker = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      closeSmtp();
      if (globalForWorker.glossJobWorker === worker) globalForWorker.glossJobWorker = undefined;
    },
  };
  globalForWorker.glossJobWorker = worker;
  process.once("gloss:shutdown" as never, () => void worker.stop());
  running = tick().finally(schedule);
  return worker;
}
