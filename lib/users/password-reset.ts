import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { deliverLater } from "@/lib/mail/deliver-later";
import { passwordResetMail } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send-mail";
import { clearRateLimit, hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { parseInput } from "@/lib/validation/parse-input";
import { emailSchema, resetPasswordSchema } from "@/lib/validation/user";
import { revokeAllApiTokens } from "./api-tokens";
import { signInAccountKey } from "./authenticate-with-password";
import { hashPassword } from "./passwords";
import { closeAllSessions } from "./sessions";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Sends a single-use reset link valid for an hour. Says nothing about whether the account exists:
// the answer is the same, after the same work (validation and the per-address limit), either way —
// finding the account, storing the link and the SMTP conversation happen after it, and a failed
// delivery is logged, never reported.
export async function requestPasswordReset(rawEmail: unknown) {
  const email = parseInput(emailSchema, rawEmail, { field: "email" });
  const settings = await getSettings();
  const sent = await hitRateLimit(`reset:${email}`, settings.passwordResetLimit.windowMs);
  if (sent > settings.passwordResetLimit.limit) return;
  deliverLater("password reset", () => sendResetLink(email, settings.passwordResetTtlMs));
}

async function sendResetLink(email: string, ttlMs: number) {
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true } });
  if (!user) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: sha256(secret), expiresAt: new Date(clock.now().getTime() + ttlMs) },
  });
  const link = `${siteUrl()}/reset-password?token=${secret}`;
  await sendMail(passwordResetMail({ email, name: user.name }, link));
}

export type ResetLinkState = "valid" | "used" | "expired" | "unknown";

/**
 * What a reset link is worth before its form is shown (issue 18, item 13): a used or expired link
 * says so instead of offering a form that can only fail. Changes nothing.
 */
export async function checkResetLink(token: unknown): Promise<ResetLinkState> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return "unknown";
  const record = await db.passwordResetToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!record) return "unknown";
  if (record.usedAt) return "used";
  return record.expiresAt < clock.now() ? "expired" : "valid";
}

/** Sets a new password from a reset link: the link works once, within its hour; every session and every access token ends. */
export async function resetPassword(raw: unknown) {
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    const bad = parsed.error.issues.find((i) => i.path[0] === "password");
    if (bad) throw validationError([bad]);
    throw new AppError("bad_request", "This reset link is not valid. Ask for a new one.");
  }
  const now = clock.now();
  const record = await db.passwordResetToken.findUnique({ where: { tokenHash: sha256(parsed.data.token) } });
  if (!record || record.usedAt || record.expiresAt < now)
    throw new AppError("bad_request", "This reset link has expired or was already used. Ask for a new one.");
  const passwordHash = await hashPassword(parsed.data.password);
  let owner = "";
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: record.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("bad_request", "This reset link was already used. Ask for a new one.");
    const { email } = await tx.user.update({
      where: { id: record.userId },
      data: { passwordHash },
      select: { email: true },
    });
    owner = email;
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
    // Whoever knew the old password may have made tokens: all of them stop working.
    await revokeAllApiTokens(record.userId, tx);
  });
  await closeAllSessions(record.userId);
  // The owner proved themselves through their mailbox: a lock-out by someone guessing ends here.
  await clearRateLimit(signInAccountKey(owner));
  return { email: owner };
}
