import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handleSubscribe } from "@/lib/subscribers/subscribe";
import { validUnsubscribe } from "./notify-reply";

/** The reader turns reply mail on or off from their account page. */
export async function setReplyMail(viewer: Viewer | null, on: boolean) {
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  await db.user.update({ where: { id: viewer.id }, data: { notifyReplies: on } });
}

/** The link in every reply mail: turns reply mail off without signing in. A forged link changes nothing. */
export async function unsubscribeReplyMail(userId: unknown, token: unknown) {
  if (typeof userId !== "string" || typeof token !== "string" || !userId || !validUnsubscribe(userId, token))
    throw new AppError("bad_request", "This link is not valid. Turn reply e-mails off on your account page instead.");
  const done = await db.user.updateMany({ where: { id: userId, deletedAt: null }, data: { notifyReplies: false } });
  if (!done.count) throw new AppError("not_found", "This account no longer exists.");
}

export type MailPreferences = {
  notifyReplies: boolean;
  notifyFollowed: boolean;
  autoFollow: boolean;
  newArticles: boolean;
};

/** The account page's mail settings in one place; `newArticles` is the subscriber list for the account's address. */
export async function getMailPreferences(viewer: Viewer | null) {
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  const [user, subscriber] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { notifyReplies: true, notifyFollowed: true, autoFollow: true, email: true },
    }),
    db.subscriber.findUnique({
      where: { email: viewer.email.toLowerCase() },
      select: { confirmedAt: true, unsubscribedAt: true, tokenHash: true },
    }),
  ]);
  const newArticles =
    subscriber && !subscriber.unsubscribedAt
      ? subscriber.confirmedAt
        ? "subscribed"
        : subscriber.tokenHash
          ? "waiting"
          : "off"
      : "off";
  return {
    notifyReplies: user.notifyReplies,
    notifyFollowed: user.notifyFollowed,
    autoFollow: user.autoFollow,
    newArticles,
  } as const;
}

/**
 * Saves the account page's mail settings. Turning new articles on goes through the same double
 * opt-in as the public form (a confirmation mail to the account's address); off stops it at once.
 * Returns whether a confirmation mail was asked for.
 */
export async function setMailPreferences(viewer: Viewer | null, prefs: MailPreferences) {
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  await db.user.update({
    where: { id: viewer.id },
    data: { notifyReplies: prefs.notifyReplies, notifyFollowed: prefs.notifyFollowed, autoFollow: prefs.autoFollow },
  });
  const current = await getMailPreferences(viewer);
  const email = viewer.email.toLowerCase();
  if (!prefs.newArticles && current.newArticles !== "off") {
    await db.subscriber.updateMany({
      where: { email },
      data: { unsubscribedAt: clock.now(), tokenHash: null, tokenExpiresAt: null },
    });
    return false;
  }
  if (prefs.newArticles && current.newArticles === "off") {
    await handleSubscribe(email);
    return true;
  }
  return false;
}
