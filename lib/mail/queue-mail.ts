import { enqueueJob, type JobClient } from "@/lib/jobs/enqueue-job";
import type { Mail } from "./send-mail";

/**
 * Queues a mail for the job worker, which sends it with retries (lib/jobs). Pass the transaction
 * that records what the mail announces, so the mail is queued exactly when that is stored.
 */
export async function queueMail(client: JobClient, mail: Mail, options: { key?: string } = {}) {
  return enqueueJob(client, { kind: "mail", payload: mail, key: options.key });
}
