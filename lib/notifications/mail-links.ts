import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env, siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The way out of every kind of mail Gloss sends to readers, without signing in: a link signed with
// the site's secret (nobody can turn off someone else's mail). `replies` and `followed` name an
// account, `articles` a subscriber. The same link answers RFC 8058's one-click POST.
export type MailKind = "replies" | "followed" | "articles";
const kinds = new Set<MailKind>(["replies", "followed", "articles"]);

export function mailToken(kind: MailKind, id: string) {
  return crypto.createHmac("sha256", env().AUTH_SECRET).update(`unsubscribe-${kind}:${id}`).digest("base64url");
}

const query = (kind: MailKind, id: string) => `k=${kind}&i=${encodeURIComponent(id)}&t=${mailToken(kind, id)}`;

/** For `List-Unsubscribe`: a POST here with `List-Unsubscribe=One-Click` stops the mail (no session, no Origin). */
export const oneClickUrl = (kind: MailKind, id: string) => `${siteUrl()}/api/unsubscribe?${query(kind, id)}`;

/** For the link in the mail's text: a page with one button (opening it changes nothing: scanners open links). */
export const stopPageUrl = (kind: MailKind, id: string) => `${siteUrl()}/unsubscribe?${query(kind, id)}`;

/** RFC 2369 + RFC 8058 headers for a mail of this kind. */
export const listHeaders = (kind: MailKind, id: string) => ({
  "List-Unsubscribe": `<${oneClickUrl(kind, id)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

export function validMailToken(kind: unknown, id: unknown, token: unknown): kind is MailKind {
  if (
    typeof kind !== "string" ||
    !kinds.has(kind as MailKind) ||
    typeof id !== "string" ||
    !id ||
    id.length > 100 ||
    typeof token !== "string"
  )
    return false;
  const expected = Buffer.from(mailToken(kind as MailKind, id));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export const stopLabels: Record<MailKind, string> = {
  replies: "e-mail when someone replies to your comments or notes",
  followed: "e-mail about new comments in discussions you follow",
  articles: "new articles by e-mail",
};

/** Stops one kind of mail for the account or subscriber the signed link names. A forged link changes nothing. */
export async function stopMail(kind: unknown, id: unknown, token: unknown) {
  if (!validMailToken(kind, id, token))
    throw new AppError("bad_request", "This link is not valid. You can change your mail on your account page instead.");
  const who = id as string;
  const done =
    kind === "articles"
      ? await db.subscriber.updateMany({
          where: { id: who },
          data: { unsubscribedAt: clock.now(), tokenHash: null, tokenExpiresAt: null },
        })
      : await db.user.updateMany({
          where: { id: who, deletedAt: null },
          data: kind === "replies" ? { notifyReplies: false } : { notifyFollowed: false },
        });
  if (!done.count) throw new AppError("not_found", "There is nothing to stop for this link any more.");
  return { stopped: kind };
}
