import crypto from "node:crypto";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { env, siteUrl } from "@/lib/env";
import { replyMail } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send-mail";

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

type Reply = {
  id: string; body: string; status: string; replyNotifiedAt: Date | null; authorId: string | null;
  author: { name: string } | null; article: { slug: string; title: string };
  parent: { id: string; author: { id: string; email: string; name: string; notifyReplies: boolean; deletedAt: Date | null } | null } | null;
};

async function readReply(kind: ReplyKind, id: string): Promise<Reply | null> {
  const select = {
    id: true, body: true, status: true, replyNotifiedAt: true, authorId: true,
    author: { select: { name: true } }, article: { select: { slug: true, title: true } },
    parent: { select: { id: true, author: { select: { id: true, email: true, name: true, notifyReplies: true, deletedAt: true } } } },
  } as const;
  return kind === "comment"
    ? db.comment.findUnique({ where: { id }, select })
    : db.annotation.findUnique({ where: { id }, select: { ...select, audience: true } }).then((r) => (r && r.audience === "public" ? r : null));
}

/**
 * Tells the author of a comment (or note) that someone replied, once the reply is visible to
 * readers: at most one mail per reply, however often it is approved; never for a reply to
 * oneself, to a deleted account or an imported commenter (no address), nor when the author
 * turned reply mail off. Returns whether a mail went out.
 */
export async function notifyReply(kind: ReplyKind, id: string): Promise<boolean> {
  const reply = await readReply(kind, id);
  const to = reply?.parent?.author;
  if (!reply || reply.status !== "approved" || reply.replyNotifiedAt || !to || to.deletedAt || !to.notifyReplies || to.id === reply.authorId) return false;
  // Claim it first: two approvals racing send one mail.
  const where = { id, replyNotifiedAt: null };
  const data = { replyNotifiedAt: clock.now() };
  const claimed = kind === "comment" ? await db.comment.updateMany({ where, data }) : await db.annotation.updateMany({ where, data });
  if (!claimed.count) return false;
  const who = reply.author?.name ?? "Someone";
  const what = kind === "comment" ? "comment" : "note";
  const link = `${siteUrl()}/articles/${reply.article.slug}/${kind === "comment" ? "comments" : "annotations"}/${reply.id}`;
  await sendMail(replyMail({ to, who, what, articleTitle: reply.article.title, excerpt: excerpt(reply.body), link, unsubscribe: unsubscribeUrl(to.id) }));
  return true;
}

const pending = new Set<Promise<void>>();

/** Notifies after the response is on its way: a slow mail server never delays the one who replied. */
export function notifyRepliesLater(kind: ReplyKind, ids: string[]) {
  if (!ids.length) return;
  const job = (async () => {
    for (const id of ids) await notifyReply(kind, id).catch((e) => console.error(`[notifications] reply ${id}:`, e instanceof Error ? e.message : e));
  })();
  pending.add(job);
  void job.finally(() => pending.delete(job));
}

/** Resolves once the notifications started so far are sent (tests; a graceful shutdown). */
export async function notificationsSettled() {
  while (pending.size) await Promise.all([...pending]);
}
