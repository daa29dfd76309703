import crypto from "node:crypto";
import { z } from "zod";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { subscribeConfirmMail } from "@/lib/mail/messages";
import { queueMail } from "@/lib/mail/queue-mail";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { parseInput } from "@/lib/validation/parse-input";
import { emailSchema } from "@/lib/validation/user";

/** A confirmation link works once, for this long. */
export const confirmTtlMs = 48 * 3_600_000;
/** Asking again sooner sends no second confirmation mail (nobody can flood an inbox through the form). */
export const resendAfterMs = 15 * 60_000;

export const subscribeSchema = z.object({ email: emailSchema }).strip();
const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * POST /api/subscribers: the same answer whatever the address (nobody learns who subscribed) and
 * the same work — one job queued; the job decides whether a confirmation mail goes out. Limited
 * per client address.
 */
export async function requestSubscription(input: unknown, clientIp: string) {
  const { email } = parseInput(subscribeSchema, input);
  await enforceRateLimit(
    `subscribe:${clientIp}`,
    { limit: 20, windowMs: 3_600_000 },
    "Too many subscriptions from this address.",
  );
  await enqueueJob(db, { kind: "subscribe", payload: { email }, key: `subscribe:${hash(email)}` });
}

/**
 * The "subscribe" job: a new (or formerly unsubscribed) address gets a confirmation mail with a
 * single-use link valid 48 h; an address already confirmed, or mailed a confirmation in the last
 * 15 minutes, gets nothing. The token is stored hashed; the mail is queued in the same transaction.
 */
export async function handleSubscribe(email: string) {
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const existing = await tx.subscriber.findUnique({ where: { email } });
    if (existing?.confirmedAt && !existing.unsubscribedAt) return;
    if (
      existing?.confirmSentAt &&
      existing.tokenHash &&
      now.getTime() - existing.confirmSentAt.getTime() < resendAfterMs
    )
      return;
    const token = crypto.randomBytes(24).toString("base64url");
    const data = {
      tokenHash: hash(token),
      tokenExpiresAt: new Date(now.getTime() + confirmTtlMs),
      confirmSentAt: now,
      confirmedAt: null,
      unsubscribedAt: null,
    };
    if (existing) await tx.subscriber.update({ where: { id: existing.id }, data });
    else await tx.subscriber.create({ data: { email, createdAt: now, ...data } });
    await queueMail(tx, subscribeConfirmMail({ to: email, link: `${siteUrl()}/subscribe/confirm?token=${token}` }));
  });
}

/** Whether a confirmation token is live (the confirmation page shows its button only then). */
export async function confirmationIsLive(token: unknown) {
  if (typeof token !== "string" || !token || token.length > 100) return false;
  const row = await db.subscriber.findUnique({ where: { tokenHash: hash(token) }, select: { tokenExpiresAt: true } });
  return !!row?.tokenExpiresAt && row.tokenExpiresAt > clock.now();
}

/** The button on the confirmation page: the link's token, once, within 48 hours. */
export async function confirmSubscription(token: unknown) {
  if (typeof token !== "string" || !token || token.length > 100)
    throw new AppError("bad_request", "This confirmation link is not valid.");
  const now = clock.now();
  const { count } = await db.subscriber.updateMany({
    where: { tokenHash: hash(token), tokenExpiresAt: { gt: now } },
    data: { confirmedAt: now, unsubscribedAt: null, tokenHash: null, tokenExpiresAt: null },
  });
  if (!count)
    throw new AppError(
      "not_found",
      "This confirmation link has expired or was already used. Subscribe again to get a new one.",
    );
}
