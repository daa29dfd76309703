import crypto from "node:crypto";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { emitLiveEvents, visibilityChange } from "@/lib/live/emit-live-events";
import { type ComposedMail, composeMail } from "@/lib/mail/compose-mail";
import { deliverLater } from "@/lib/mail/deliver-later";
import { sendMail } from "@/lib/mail/send-mail";
import { notifyReplies } from "@/lib/notifications/notify-reply";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { publication } from "@/lib/site";

// E-mail confirmation (issue 13, finding 5). An account made on the sign-up page starts with
// `emailConfirmed = false`: it can sign in, read and write, but its comments and public notes are
// held (reason `unconfirmed`, 202 as any held post) and its reports do not count towards hiding
// anything, until its owner opens the link mailed to the address. The link is single-use and
// expires (setting `emailConfirmationTtlMs`, 2 days); the account page sends a new one (a few an
// hour). Confirming releases what was held only for that reason. Accounts made by an admin
// (`gloss user:create`, the bootstrap admin) and OAuth accounts whose provider vouches for the
// address are confirmed from the start (the column defaults to true).
//
// Links are stored hashed in Auth.js's VerificationToken table, under the identifier
// `email-confirmation:<user id>`; a used link is kept with `expires` at the epoch, so a second
// click says "already used" rather than "unknown" (the clean-up job deletes expired rows).

export const UNCONFIRMED = "unconfirmed";
const PREFIX = "email-confirmation:";
/** A change of address waiting for its link (lib/users/change-email.ts): `email-change:<user id>:<new address>`. */
export const EMAIL_CHANGE_PREFIX = "email-change:";
export const USED = new Date(0);
export const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function emailConfirmationMail(
  to: { email: string; name: string },
  link: string,
  ttlHours: number,
): ComposedMail {
  return composeMail({
    to: to.email,
    subject: `Confirm your e-mail address for ${publication.name}`,
    greeting: `Hello ${to.name},`,
    body: [
      `Please confirm that this is your address. Until you do, your comments and notes wait before others see them, and your reports do not count.`,
      `The link works once, within ${ttlHours} hours. Your account page can send a new one.`,
    ],
    action: { label: "Confirm my address", url: link },
    reason: `You got this message because an account was made with this address on ${publication.name}. If it was not you, ignore it: without the confirmation the account cannot make anything public.`,
  });
}

/** Mails a new confirmation link to an unconfirmed account (nothing for a confirmed or deleted one). */
export async function sendConfirmationLink(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, emailConfirmed: true, deletedAt: true },
  });
  if (!user || user.emailConfirmed || user.deletedAt) return;
  const { emailConfirmationTtlMs } = await getSettings();
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.verificationToken.create({
    data: {
      identifier: PREFIX + userId,
      token: sha256(secret),
      expires: new Date(clock.now().getTime() + emailConfirmationTtlMs),
    },
  });
  await sendMail(
    emailConfirmationMail(
      user,
      `${siteUrl()}/confirm-email?token=${secret}`,
      Math.round(emailConfirmationTtlMs / 3_600_000),
    ),
  );
}

/** After sign-up: the first link goes out after the answer (a slow or failing SMTP server never shows). */
export function sendConfirmationLinkLater(userId: string) {
  deliverLater("e-mail confirmation", () => sendConfirmationLink(userId));
}

/**
 * "Send the link again" (account page): only for the signed-in owner of an unconfirmed account,
 * a few times an hour (setting `emailConfirmationLimit`). Older links keep working until they expire.
 */
export async function resendConfirmationLink(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  const user = await db.user.findUnique({ where: { id: me.id }, select: { emailConfirmed: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError("unauthorized", "Sign in first.");
  if (user.emailConfirmed) throw new AppError("conflict", "Your e-mail address is already confirmed.");
  const { emailConfirmationLimit } = await getSettings();
  await enforceRateLimit(
    `confirm-email:${me.id}`,
    emailConfirmationLimit,
    "A confirmation link was sent a few times already. Check your mailbox (and its spam folder), or try again later.",
  );
  sendConfirmationLinkLater(me.id);
}

export type ConfirmLinkState = "valid" | "used" | "expired" | "unknown";

/** What a confirmation link is worth before its page offers the button (changes nothing). */
export async function checkConfirmLink(token: unknown): Promise<ConfirmLinkState> {
  // The same page confirms a new account's address and a change of address.
  const record = await findLink(token, [PREFIX, EMAIL_CHANGE_PREFIX]);
  if (!record) return "unknown";
  if (record.expires.getTime() === USED.getTime()) return "used";
  return record.expires < clock.now() ? "expired" : "valid";
}

/** The stored link of `token` when its identifier starts with one of `prefixes`. */
export async function findLink(token: unknown, prefixes = [PREFIX]) {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  const record = await db.verificationToken.findUnique({ where: { token: sha256(token) } });
  return record && prefixes.some((p) => record.identifier.startsWith(p)) ? record : null;
}

/**
 * Confirms the address a link was sent to: once, before it expires. Every link of the account is
 * used up with it. What waited only for the confirmation appears (comments and public notes held
 * with no other reason); anything also held by another rule (a first contribution, links) stays
 * in the queue without this reason. Returns how many items appeared.
 */
export async function confirmEmail(token: unknown): Promise<{ email: string; released: number }> {
  const record = await findLink(token);
  const now = clock.now();
  if (!record)
    throw new AppError(
      "bad_request",
      "This confirmation link is not valid. Sign in and ask for a new one on your account page.",
    );
  if (record.expires.getTime() === USED.getTime())
    throw new AppError("conflict", "This confirmation link was already used.");
  if (record.expires < now)
    throw new AppError(
      "bad_request",
      "This confirmation link has expired. Sign in and ask for a new one on your account page.",
    );
  const userId = record.identifier.slice(PREFIX.length);

  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.verificationToken.updateMany({
      where: { token: record.token, expires: { gt: now } },
      data: { expires: USED },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This confirmation link was already used.");
    await tx.verificationToken.updateMany({
      where: { identifier: record.identifier, expires: { gt: now } },
      data: { expires: USED },
    });
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true } });
    if (!user || user.deletedAt)
      throw new AppError("bad_request", "This confirmation link is not valid: its account was deleted.");
    await tx.user.update({ where: { id: userId }, data: { emailConfirmed: true, emailVerified: now } });
    const { released, slugs } = await releaseConfirmed(tx, userId, now);
    return { email: user.email, released, slugs };
  });

  return { email: outcome.email, released: await afterRelease(outcome) };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Inside the transaction that confirms an account's address (a new account's link, or a change of
 * address confirmed from the new one): what waited only for it becomes visible, audited, with live
 * events; what another rule also holds stays in the queue without this reason.
 */
export async function releaseConfirmed(tx: Tx, userId: string, now: Date) {
  const where = { authorId: userId, status: "pending" as const, holdReasons: { has: UNCONFIRMED } };
  const select = { id: true, articleId: true, holdReasons: true, article: { select: { slug: true } } } as const;
  const comments = await tx.comment.findMany({ where, select });
  const notes = await tx.annotation.findMany({ where: { ...where, audience: "public" }, select });
  const released: Record<"comment" | "annotation", string[]> = { comment: [], annotation: [] };
  const slugs = new Set<string>();
  for (const [type, rows] of [
    ["comment", comments],
    ["annotation", notes],
  ] as const) {
    for (const row of rows) {
      const rest = row.holdReasons.filter((reason) => reason !== UNCONFIRMED);
      const data = { status: rest.length ? ("pending" as const) : ("approved" as const), holdReasons: rest };
      if (type === "comment") await tx.comment.update({ where: { id: row.id }, data });
      else await tx.annotation.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
      if (rest.length) continue;
      released[type].push(row.id);
      slugs.add(row.article.slug);
      await emitLiveEvents(visibilityChange(type, row.articleId, row.id, false, true), tx);
    }
  }
  const ids = [
    ...released.comment.map((id) => ["comment", id]),
    ...released.annotation.map((id) => ["annotation", id]),
  ];
  if (ids.length) {
    await tx.auditEntry.createMany({
      data: ids.map(([targetType, targetId]) => ({
        actorId: null,
        action: "release_confirmed",
        targetType,
        targetId,
        before: { status: "pending" },
        after: { status: "approved" },
        reason: "e-mail confirmed",
        createdAt: now,
      })),
    });
  }
  return { released, slugs };
}

/** After that transaction: the pages that show what appeared, and the reply notifications. Returns how many appeared. */
export async function afterRelease(outcome: {
  released: Record<"comment" | "annotation", string[]>;
  slugs: Set<string>;
}) {
  await Promise.all([...outcome.slugs].map((slug) => invalidateArticlePages(slug)));
  await notifyReplies("comment", outcome.released.comment);
  await notifyReplies("annotation", outcome.released.annotation);
  return outcome.released.comment.length + outcome.released.annotation.length;
}
