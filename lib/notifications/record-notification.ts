import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type NotificationClient = Prisma.TransactionClient | PrismaClient;

export type NotificationType = "reply" | "comment" | "approved" | "review";

export type NewNotification = {
  /** Who is told. */
  userId: string;
  type: NotificationType;
  /** Site-relative link to the item, e.g. "/articles/<slug>/comments/<id>". */
  url: string;
  /** Who caused it (null: the system). Nobody is told of what they did themselves. */
  actorId?: string | null;
  /** A short plain-text line (a comment's first words, a decision's note). */
  excerpt?: string;
  /** The article it concerns: groups "3 new comments on …" and drops with the article. */
  articleId?: string | null;
  /**
   * What makes it one event, e.g. "approved:comment:<id>". At most one notification per
   * (recipient, key): recording again (a retried job, a second approval) writes nothing.
   * Defaults to `${type}:${url}`.
   */
  key?: string;
};

/** Markdown or plain text → one short plain line (no markup, no link targets). */
export function notificationExcerpt(text: string, max = 200) {
  const plain = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/**
 * Records notifications inside the caller's transaction (pass `tx`), so they are stored exactly
 * when what they announce is. Idempotent per (userId, key). Returns how many rows were written.
 */
export async function recordNotifications(tx: NotificationClient, notes: NewNotification[]): Promise<number> {
  const rows = notes
    .filter((n) => n.userId && n.userId !== n.actorId)
    .map((n) => ({
      id: `n${crypto.randomBytes(12).toString("base64url")}`,
      userId: n.userId,
      type: n.type,
      url: n.url,
      actorId: n.actorId ?? null,
      excerpt: notificationExcerpt(n.excerpt ?? ""),
      articleId: n.articleId ?? null,
      key: n.key ?? `${n.type}:${n.url}`,
      createdAt: clock.now(),
    }));
  if (!rows.length) return 0;
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/**
 * A new visible comment: one `comment` notification for every follower of its article (but its
 * author, and anyone in `exclude`, e.g. the parent's author who gets a `reply`), in one statement
 * inside the caller's transaction. Idempotent (key "comment:<id>"). Returns the rows written.
 */
export async function notifyFollowers(
  tx: NotificationClient,
  c: { articleId: string; commentId: string; actorId: string | null; url: string; excerpt: string; exclude?: string[] },
) {
  const key = `comment:${c.commentId}`;
  const excluded = [c.actorId ?? "", ...(c.exclude ?? [])];
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "type", "url", "actorId", "excerpt", "articleId", "key", "createdAt")
    SELECT 'n' || md5(random()::text || f."userId" || ${key}), f."userId", 'comment'::"NotificationType", ${c.url}, ${c.actorId}, ${notificationExcerpt(c.excerpt)}, ${c.articleId}, ${key}, ${clock.now()}
    FROM "ArticleFollow" f JOIN "User" u ON u."id" = f."userId"
    WHERE f."articleId" = ${c.articleId} AND u."deletedAt" IS NULL AND NOT (f."userId" = ANY(${excluded}))
    ON CONFLICT ("userId", "key") DO NOTHING`;
}
