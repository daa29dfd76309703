import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
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
