import { publishDueArticles } from "@/lib/articles/publish-due-articles";
import { deliverMail, type Mail } from "@/lib/mail/send-mail";
import { sendFollowDigests } from "@/lib/notifications/follow-digest";
import { fanOutArticle, mailArticleToSubscriber } from "@/lib/subscribers/announce-article";
import { handleSubscribe } from "@/lib/subscribers/subscribe";
import { cleanExpiredRows } from "./clean-expired-rows";

export type JobHandler = (payload: unknown, job: { id: string; attempts: number }) => Promise<void>;

/** What each kind of job does. A handler that throws has its job retried later. */
export const jobHandlers: Record<string, JobHandler> = {
  // The Message-ID is the job's: a retry after a send whose answer was lost is the same message.
  mail: async (payload, job) => {
    await deliverMail(payload as Mail, { messageId: job.id });
  },
  "publish-due": async () => {
    await publishDueArticles();
  },
  "clean-up": async () => {
    await cleanExpiredRows();
  },
  // Notifications and following (lib/notifications, lib/subscribers).
  "follow-digest": async (payload, job) => {
    await sendFollowDigests((payload as { articleId: string }).articleId, job.id);
  },
  subscribe: async (payload) => {
    await handleSubscribe((payload as { email: string }).email);
  },
  "article-mail": async (payload) => {
    await fanOutArticle((payload as { articleId: string }).articleId);
  },
  "subscriber-mail": async (payload, job) => {
    await mailArticleToSubscriber(payload as { articleId: string; subscriberId: string }, job.id);
  },
};

/** Jobs that run again and again, every so many milliseconds (one row each, key "every:<kind>"). */
export const periodicJobs: Record<string, number> = {
  "publish-due": 5_000,
  "clean-up": 3_600_000,
};
