import crypto from "node:crypto";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { emailSchema, resetPasswordSchema } from "@/lib/validation/user";
import { hashPassword } from "./passwords";
import { closeAllSessions } from "./sessions";
import { parseInput } from "@/lib/validation/parse-input";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Sends a single-use reset link valid for an hour. Says nothing about whether the account exists.
export async function requestPasswordReset(rawEmail: unknown) {
  const email = parseInput(emailSchema, rawEmail, { field: "email" });
  const settings = await getSettings();
  const sent = await hitRateLimit(`reset:${email}`, settings.passwordResetLimit.windowMs);
  if (sent > settings.passwordResetLimit.limit) return;
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true } });
  if (!user) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: sha256(secret), expiresAt: new Date(clock.now().getTime() + settings.passwordResetTtlMs) },
  });
  const link = `${siteUrl()}/reset-password?token=${secret}`;
  await sendMail({
    to: email,
    subject: "Reset your Gloss password",
    text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your account.\nOpen this link within an hour to choose a new one:\n\n${link}\n\nIf you did not ask, ignore this message; your password stays as it is.\n`,
  });
}

/** Sets a new password from a reset link: the link works once, within its hour; every session ends. */
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
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("bad_request", "This reset link was already used. Ask for a new one.");
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash } });
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
  });
  await closeAllSessions(record.userId);
}
