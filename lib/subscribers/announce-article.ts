import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { enqueueJob, type JobClient } from "@/lib/jobs/enqueue-job";
import { newArticleMail } from "@/lib/mail/messages";
import { deliverMail } from "@/lib/mail/send-mail";
import { listHeaders, stopPageUrl } from "@/lib/notifications/mail-links";

/**
 * An article was just published (now, or its scheduled time came): in the publishing transaction,
 * its announcement is claimed (one row per article, ever — re-publishing an edit mails no one)
 * and one "article-mail" job queued. The request does nothing more: the job queues the mails.
 */
export async function announceArticle(tx: JobClient, articleId: string) {
  const claimed =
    await tx.$executeRaw`INSERT INTO "ArticleMailing" ("articleId", "queuedAt") VALUES (${articleId}, ${clock.now()}) ON CONFLICT DO NOTHING`;
  if (claimed) await enqueueJob(tx, { kind: "article-mail", payload: { articleId }, key: `article-mail:${articleId}` });
  return claimed > 0;
}

/**
 * The "article-mail" job: one "subscriber-mail" job per confirmed subscriber, in one statement, in
 * the transaction that marks the announcement fanned out (a retry finds it done and queues nothing).
 */
export async function fanOutArticle(articleId: string) {
  return db.$transaction(
    async (tx) => {
      const [mailing] = await tx.$queryRaw<
        { fannedOutAt: Date | null }[]
      >`SELECT "fannedOutAt" FROM "ArticleMailing" WHERE "articleId" = ${articleId} FOR UPDATE`;
      if (!mailing || mailing.fannedOutAt) return 0;
      const now = clock.now();
      const queued = await tx.$executeRaw`
      INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "createdAt")
      SELECT substr(md5(random()::text || s."id"), 1, 24), 'subscriber-mail', jsonb_build_object('articleId', ${articleId}::text, 'subscriberId', s."id"),
             'subscriber-mail:' || ${articleId}::text || ':' || s."id", ${now}, 12, ${now}
      FROM "Subscriber" s WHERE s."confirmedAt" IS NOT NULL AND s."unsubscribedAt" IS NULL
      ON CONFLICT ("key") DO NOTHING`;
      await tx.articleMailing.update({ where: { articleId }, data: { fannedOutAt: now, recipients: queued } });
      return queued;
    },
    { timeout: 60_000 },
  );
}

/**
 * The "subscriber-mail" job: the article to one subscriber — if they are still subscribed and the
 * article still published. The Message-ID is the job's, so a retry is the same message.
 */
export async function mailArticleToSubscriber(payload: { articleId: string; subscriberId: string }, jobId: string) {
  const [subscriber, article] = await Promise.all([
    db.subscriber.findUnique({
      where: { id: payload.subscriberId },
      select: { id: true, email: true, confirmedAt: true, unsubscribedAt: true },
    }),
    db.article.findUnique({
      where: { id: payload.articleId },
      select: { slug: true, title: true, authorName: true, excerpt: true, status: true },
    }),
  ]);
  if (!subscriber?.confirmedAt || subscriber.unsubscribedAt || !article || article.status !== "published") return;
  const mail = newArticleMail({
    to: subscriber.email,
    title: article.title,
    byline: `by ${article.authorName}`,
    excerpt: article.excerpt,
    link: `${siteUrl()}/articles/${article.slug}`,
    stop: stopPageUrl("articles", subscriber.id),
    headers: listHeaders("articles", subscriber.id),
  });
  await deliverMail(mail, { messageId: jobId });
}

/** Admins: how many confirmed and waiting subscribers there are. */
export async function subscriberCounts(viewer: Viewer | null) {
  await requirePermission(viewer, "subscribers.read");
  const [confirmed, waiting] = await Promise.all([
    db.subscriber.count({ where: { confirmedAt: { not: null }, unsubscribedAt: null } }),
    db.subscriber.count({ where: { confirmedAt: null, unsubscribedAt: null } }),
  ]);
  return { confirmed, waiting };
}

const csvCell = (v: string) =>
  /[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${(/^[=+\-@\t]/.test(v) ? "'" : "") + v.replace(/"/g, '""')}"` : v;

/** Admins: the confirmed list as CSV (email, confirmed at), for moving to another mailer. */
export async function exportSubscribersCsv(viewer: Viewer | null) {
  await requirePermission(viewer, "subscribers.read");
  const rows = await db.subscriber.findMany({
    where: { confirmedAt: { not: null }, unsubscribedAt: null },
    orderBy: { confirmedAt: "asc" },
    select: { email: true, confirmedAt: true },
  });
  return (
    ["email,confirmed_at", ...rows.map((r) => `${csvCell(r.email)},${r.confirmedAt!.toISOString()}`)].join("\r\n") +
    "\r\n"
  );
}
