import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { followDigestMail } from "@/lib/mail/messages";
import { queueMail } from "@/lib/mail/queue-mail";
import { digestJobKey } from "./announce-visible";
import { listHeaders, stopPageUrl } from "./mail-links";

class TakenMeanwhile extends Error {}

/** A follower gets at most one mail per article in this long. */
export const digestIntervalMs = 3_600_000;

/**
 * The "follow-digest" job of one article: every follower with `comment` notifications not yet
 * mailed (and followed-discussion mail on) gets one mail listing them — unless they were mailed
 * about this article within the hour, in which case the job comes back when that hour is over
 * and their digest holds everything that arrived meanwhile. Each follower's mail is queued in the
 * transaction that marks its notifications mailed, so a retried job never mails twice.
 */
export async function sendFollowDigests(articleId: string, jobId?: string) {
  // Free this job's key first: a comment arriving while we run queues a fresh run.
  if (jobId) await db.job.updateMany({ where: { id: jobId }, data: { key: null } });
  const now = clock.now();
  const pending = await db.notification.findMany({
    where: { articleId, type: "comment", mailedAt: null, user: { notifyFollowed: true, deletedAt: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, url: true, excerpt: true, actor: { select: { name: true } } },
  });
  if (!pending.length) return { mailed: 0 };
  const article = await db.article.findUnique({ where: { id: articleId }, select: { slug: true, title: true } });
  if (!article) return { mailed: 0 };
  const byUser = new Map<string, typeof pending>();
  for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const follows = await db.articleFollow.findMany({
    where: { articleId, userId: { in: [...byUser.keys()] } },
    select: { userId: true, mailedAt: true, user: { select: { email: true, name: true } } },
  });
  const followOf = new Map(follows.map((f) => [f.userId, f]));
  let later: number | null = null;
  let mailed = 0;
  for (const [userId, items] of byUser) {
    const follow = followOf.get(userId);
    if (!follow) {
      // Unfollowed since: the notifications stay in the app, no mail.
      await db.notification.updateMany({
        where: { id: { in: items.map((i) => i.id) }, mailedAt: null },
        data: { mailedAt: now },
      });
      continue;
    }
    const due = follow.mailedAt ? follow.mailedAt.getTime() + digestIntervalMs : 0;
    if (due > now.getTime()) {
      later = Math.min(later ?? due, due);
      continue;
    }
    const sent = await db
      .$transaction(async (tx) => {
        const claimed = await tx.notification.updateMany({
          where: { id: { in: items.map((i) => i.id) }, mailedAt: null },
          data: { mailedAt: now },
        });
        if (claimed.count !== items.length) throw new TakenMeanwhile(); // another run mailed some: undo, it has them
        await tx.articleFollow.update({ where: { userId_articleId: { userId, articleId } }, data: { mailedAt: now } });
        const mail = followDigestMail({
          to: follow.user,
          articleTitle: article.title,
          items: items.map((i) => ({
            who: i.actor?.name ?? "Someone",
            excerpt: i.excerpt,
            link: `${siteUrl()}${i.url}`,
          })),
          articleLink: `${siteUrl()}/articles/${article.slug}#comments`,
          stop: stopPageUrl("followed", userId),
        });
        await queueMail(tx, { ...mail, headers: listHeaders("followed", userId) });
        return true;
      })
      .catch((e) => {
        if (e instanceof TakenMeanwhile) return false;
        throw e;
      });
    if (sent) mailed++;
  }
  if (later !== null)
    await enqueueJob(db, {
      kind: "follow-digest",
      payload: { articleId },
      key: digestJobKey(articleId),
      runAt: new Date(later),
    });
  return { mailed };
}
