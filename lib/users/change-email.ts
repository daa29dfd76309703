import crypto from "node:crypto";
import { z } from "zod";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { composeMail } from "@/lib/mail/compose-mail";
import { deliverLater } from "@/lib/mail/deliver-later";
import { sendMail } from "@/lib/mail/send-mail";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { publication } from "@/lib/site";
import { parseInput } from "@/lib/validation/parse-input";
import { emailSchema } from "@/lib/validation/user";
import {
  afterRelease,
  confirmEmail,
  EMAIL_CHANGE_PREFIX,
  findLink,
  releaseConfirmed,
  sha256,
  USED,
} from "./email-confirmation";
import { verifyPassword } from "./passwords";

// Changing one's e-mail address (issue 13): the new address must prove itself. The account keeps
// its address until the link mailed to the new one is used (same page as a new account's link,
// /confirm-email, single-use, valid `emailConfirmationTtlMs`); only the latest request's link
// works. Asking needs the password (accounts that have one) and is limited like "send the link
// again". Confirming moves the account (and its article-mail subscription) to the new address,
// marks it confirmed — releasing what waited for a confirmation, as a new account's link does —,
// voids the old address's pending confirmation and password-reset links, and tells the old
// address. Stored as VerificationToken rows `email-change:<user id>:<new address>`, hashed.

export const changeEmailSchema = z.object({
  email: emailSchema,
  password: z.string().max(200).default(""),
});

const identifierOf = (userId: string, email: string) => `${EMAIL_CHANGE_PREFIX}${userId}:${email}`;

/** Asks to move the viewer's account to a new address: mails it a link; the account keeps its address until then. */
export async function requestEmailChange(viewer: Viewer | null, raw: unknown): Promise<{ pending: string }> {
  const me = requireViewer(viewer);
  const { email, password } = parseInput(changeEmailSchema, raw);
  const user = await db.user.findUnique({
    where: { id: me.id },
    select: { email: true, name: true, passwordHash: true, deletedAt: true },
  });
  if (!user || user.deletedAt) throw new AppError("unauthorized", "Sign in first.");
  if (email === user.email.toLowerCase())
    throw new AppError("bad_request", "That is already your address.", { email: "That is already your address." });
  const { emailConfirmationLimit, emailConfirmationTtlMs } = await getSettings();
  // Counted before the password is checked (argon2 is the costly part) and before anything is mailed.
  await enforceRateLimit(
    `email-change:${me.id}`,
    emailConfirmationLimit,
    "You asked to change your address a few times already. Check the mailbox of the new address, or try again later.",
  );
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, password)))
    throw new AppError("bad_request", "Your password is not right.", { password: "Your password is not right." });
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError("conflict", "Another account uses that address.", {
      email: "Another account uses that address.",
    });

  const secret = crypto.randomBytes(32).toString("base64url");
  const now = clock.now();
  await db.$transaction([
    // Only the latest request counts: an older link now reads as unknown.
    db.verificationToken.deleteMany({ where: { identifier: { startsWith: `${EMAIL_CHANGE_PREFIX}${me.id}:` } } }),
    db.verificationToken.create({
      data: {
        identifier: identifierOf(me.id, email),
        token: sha256(secret),
        expires: new Date(now.getTime() + emailConfirmationTtlMs),
      },
    }),
  ]);
  const hours = Math.round(emailConfirmationTtlMs / 3_600_000);
  deliverLater("e-mail change", () =>
    sendMail(
      composeMail({
        to: email,
        subject: `Confirm your new e-mail address for ${publication.name}`,
        greeting: `Hello ${user.name},`,
        body: [
          `You asked to use this address for your account on ${publication.name}. Your account keeps its current address until you confirm this one.`,
          `The link works once, within ${hours} hours.`,
        ],
        action: { label: "Confirm my new address", url: `${siteUrl()}/confirm-email?token=${secret}` },
        reason: `You got this message because someone asked to move an account on ${publication.name} to this address. If it was not you, ignore it: nothing changes without the confirmation.`,
      }),
    ),
  );
  return { pending: email };
}

/** The address the viewer asked to move to and has not confirmed yet (the latest, still valid), or null. */
export async function pendingEmailChange(viewer: Viewer | null): Promise<string | null> {
  const me = requireViewer(viewer);
  const row = await db.verificationToken.findFirst({
    where: { identifier: { startsWith: `${EMAIL_CHANGE_PREFIX}${me.id}:` }, expires: { gt: clock.now() } },
    orderBy: { expires: "desc" },
    select: { identifier: true },
  });
  return row ? row.identifier.slice(`${EMAIL_CHANGE_PREFIX}${me.id}:`.length) : null;
}

/** The confirmation page's button: a new account's link or a change of address, whichever the link is. */
export async function confirmAddressLink(
  token: unknown,
): Promise<{ email: string; released: number; changed: boolean }> {
  const record = await findLink(token, [EMAIL_CHANGE_PREFIX]);
  if (!record) return { ...(await confirmEmail(token)), changed: false };
  return { ...(await confirmEmailChange(record)), changed: true };
}

async function confirmEmailChange(record: { identifier: string; token: string; expires: Date }) {
  const now = clock.now();
  if (record.expires.getTime() === USED.getTime())
    throw new AppError("conflict", "This confirmation link was already used.");
  if (record.expires < now)
    throw new AppError(
      "bad_request",
      "This confirmation link has expired. Sign in and ask again on your account page.",
    );
  const rest = record.identifier.slice(EMAIL_CHANGE_PREFIX.length);
  const userId = rest.slice(0, rest.indexOf(":"));
  const email = rest.slice(rest.indexOf(":") + 1);

  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.verificationToken.updateMany({
      where: { token: record.token, expires: { gt: now } },
      data: { expires: USED },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This confirmation link was already used.");
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, name: true, deletedAt: true },
    });
    if (!user || user.deletedAt)
      throw new AppError("bad_request", "This confirmation link is not valid: its account was deleted.");
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken && taken.id !== userId)
      throw new AppError(
        "conflict",
        "Another account uses that address now, so your account keeps its address. Ask for another on your account page.",
      );
    await tx.user.update({ where: { id: userId }, data: { email, emailConfirmed: true, emailVerified: now } });
    // Links that point at the old address no longer stand for this account.
    await tx.verificationToken.deleteMany({ where: { identifier: `email-confirmation:${userId}` } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    // The article mailing follows the account, unless the new address has one of its own.
    const old = user.email.toLowerCase();
    if (!(await tx.subscriber.findUnique({ where: { email }, select: { id: true } })))
      await tx.subscriber.updateMany({ where: { email: old }, data: { email } });
    const { released, slugs } = await releaseConfirmed(tx, userId, now);
    return { old: user.email, name: user.name, released, slugs };
  });

  deliverLater("e-mail change notice", () =>
    sendMail(
      composeMail({
        to: outcome.old,
        subject: `Your e-mail address for ${publication.name} was changed`,
        greeting: `Hello ${outcome.name},`,
        body: [
          `Your account on ${publication.name} now uses the address ${email}; this address no longer receives its mail.`,
          "If you did not ask for this, contact the editors at once: they will help you recover the account.",
        ],
        reason: `You got this message because this address was the one of an account on ${publication.name}.`,
      }),
    ),
  );
  return { email, released: await afterRelease(outcome) };
}
