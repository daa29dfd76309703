import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type JobClient = Prisma.TransactionClient | PrismaClient;

export type NewJob = {
  kind: string;
  payload?: object;
  /** Not before (default: now). */
  runAt?: Date;
  /** At most one waiting job per key: a second enqueue with the same key is dropped. */
  key?: string;
  maxAttempts?: number;
};

/**
 * Queues background work. Pass the transaction that writes what the job announces, so both are
 * stored or neither is. Returns false when a job with the same key already waits.
 */
export async function enqueueJob(client: JobClient, job: NewJob): Promise<boolean> {
  const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
  const now = clock.now();
  const inserted = await client.$executeRaw`
    INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "createdAt")
    VALUES (${id}, ${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.key ?? null}, ${job.runAt ?? now}, ${job.maxAttempts ?? 12}, ${now})
    ON CONFLICT ("key") DO NOTHING`;
  return inserted > 0;
}
