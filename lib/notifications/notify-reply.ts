import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env, siteUrl } from "@/lib/env";
import { runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { replyMail } from "@/lib/mail/messages";
import { queueMail } from "@/lib/mail/queue-mail";
import { listHeaders } from "./mail-links";

export type ReplyKind = "comment" | "annotation";

/** The one-click way out of reply mail, signed so nobody can turn off someone else's. */
export function unsubscribeToken(userId: string) {
  return crypto.createHmac("sha256", env().AUTH_SECRET).update(`unsubscribe-replies:${userId}`).digest("base64url");
}

export function unsubscribeUrl(userId: string) {
  return `${siteUrl()}/account/reply-mail?u=${encodeURIComponent(userId)}&t=${unsubscribeToken(userId)}`;
}

export function validUnsubscribe(userId: string, token: string) {
  const expected = Buffer.from(unsubscribeToken(userId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Markdown source → a short plain excerpt for a mail (no markup, no links' URLs). */
function excerpt(markdown: string, max = 400) {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export type Reply = {
  id: string;
  body: string;
  status: string;
  replyNotifiedAt: Date | null;
  authorId: string | null;
  author: { name: string } | null;
  article: { slug: string; title: string };
  parent: {
    id: string;
    author: { id: string; email: string; name: string; notifyReplies: boolean; deletedAt: Date | null } | null;
  } | null;
};

async function readReply(kind: ReplyKind, id: string): Promise<Reply | null> {
  const select = {
    id: true,
    body: true,
    status: true,
    replyNotifiedAt: true,
    authorId: true,
    author: { select: { name: true } },
    article: { select: { slug: true, title: true } },
    parent: {
      select: {
        id: true,
        author: { select: { id: true, email: true, name: true, notifyReplies: true, deletedAt: true } },
      },
    },
  } as const;
  return kind === "comment"
    ? db.comment.findUnique({ where: { id }, select })
    : db.annotation
        .findUnique({ where: { id }, select: { ...select, audience: true } })
        .then((r) => (r && r.audience === "public" ? r : null));
}

/**
 * Tells the author of a comment (or note) that someone replied, once the reply is visible to
 * readers: at most one mail per reply, however often it is approved; never for a reply to
 * oneself, to a deleted account or an imported commenter (no address), nor when the author
 * turned reply mail off. The mail is queued (lib/jobs: retried until the server takes it) in the
 * same transaction that marks the reply as announced, so it is neither lost nor queued twice.
 * Returns whether a mail was queued.
 */
export async function notifyReply(kind: ReplyKind, id: string): Promise<boolean> {
  const reply = await readReply(kind, id);
  const mail = reply && replyMailFor(kind, reply);
  if (!mail) return false;
  // Claim and queue together: two approvals racing queue one mail.
  return db.$transaction(async (tx) => {
    const where = { id, replyNotifiedAt: null };
    const data = { replyNotifiedAt: clock.now() };
    const claimed =
      kind === "comment"
        ? await tx.comment.updateMany({ where, data })
        : await tx.annotation.updateMany({ where, data });
    if (!claimed.count) return false;
    await queueMail(tx, mail);
    return true;
  });
}

/**
 * The mail that tells a reply's parent author about it (see `notifyReply` for when one is due),
 * or null when none is. A new reply posted visible is announced by its own transaction
 * (lib/comments/create-comment.ts: stored with `replyNotifiedAt` set, this mail queued beside it).
 */
export function replyMailFor(kind: ReplyKind, reply: Reply) {
  const to = reply.parent?.author;
  if (
    reply.status !== "approved" ||
    reply.replyNotifiedAt ||
    !to ||
    to.deletedAt ||
    !to.notifyReplies ||
    to.id === reply.authorId
  )
    return null;
  const who = reply.author?.name ?? "Someone";
  const what = kind === "comment" ? "comment" : "note";
  const link = `${siteUrl()}/articles/${reply.article.slug}/${kind === "comment" ? "comments" : "annotations"}/${reply.id}`;
  const mail = replyMail({
    to,
    who,
    what,
    articleTitle: reply.article.title,
    excerpt: excerpt(reply.body),
    link,
    unsubscribe: unsubscribeUrl(to.id),
  });
  return { ...mail, headers: listHeaders("replies", to.id) };
}

/** Queues the reply mails of replies that just became visible (before the response is sent). */
export async function notifyReplies(kind: ReplyKind, ids: string[]) {
  if (!ids.length) return;
  // One query picks the replies not yet announced (a bulk approval of 500 top-level comments costs one statement).
  const where = { id: { in: ids }, parentId: { not: null }, status: "approved" as const, replyNotifiedAt: null };
  const replies =
    kind === "comment"
      ? await db.comment.findMany({ where, select: { id: true } })
      : await db.annotation.findMany({ where: { ...where, audience: "public" }, select: { id: true } });
  for (const { id } of replies)
    await notifyReply(kind, id).catch((e) =>
      console.error(`[notifications] reply ${id}:`, e instanceof Error ? e.message : e),
    );
}

/** Sends what the queue holds now, in this process (tests: the mail a test expects is out). */
export async function notificationsSettled() {
  await runJobsUntilIdle();
}
