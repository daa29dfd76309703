import { cache } from "react";
import { db } from "@/lib/db";

// Rule settings live in the database (table Setting) so an admin can change them and tests can set them.
export const defaultSettings = {
  signInAccountLimit: { limit: 5, windowMs: 15 * 60_000 },
  signInIpLimit: { limit: 30, windowMs: 15 * 60_000 },
  passwordResetLimit: { limit: 3, windowMs: 60 * 60_000 },
  passwordResetTtlMs: 60 * 60_000,
  // Writes that skip the flood interval still have a ceiling per account (counters in PostgreSQL).
  privateAnnotationLimit: { limit: 60, windowMs: 10 * 60_000 },
  likeLimit: { limit: 60, windowMs: 10 * 60_000 },
  signUpIpLimit: { limit: 10, windowMs: 60 * 60_000 },
  /** A sign-up's confirmation link works this long (lib/users/email-confirmation.ts)… */
  emailConfirmationTtlMs: 48 * 60 * 60_000,
  /** …and its owner may ask for a new one this often. */
  emailConfirmationLimit: { limit: 3, windowMs: 60 * 60_000 },
  /** A report counts towards hiding only from an account at least this old with an approved contribution. */
  reportStandingAgeMs: 24 * 60 * 60_000,
  wordsPerMinute: 220,
  commentMaxDepth: 5,
  commentsPerPage: 50,
  /** At most this many comments in one page load, replies included; the rest load on demand. */
  commentsPerLoad: 100,
  /** …and at most about this many bytes of page for them (lib/comments/bound-thread.ts, pageCost): long comments make fewer. */
  commentBytesPerLoad: 320_000,
  editWindowMs: 15 * 60_000,
  floodIntervalMs: 15_000,
  duplicateWindowMs: 10 * 60_000,
  // Moderation rules (WordPress's defaults where it has one).
  holdFirstContribution: true,
  linkHoldThreshold: 2,
  moderationWords: [] as string[],
  disallowedWords: [] as string[],
  holdAll: false,
  closeAfterDays: null as number | null,
  reportThreshold: 3,
  notifyIntervalMs: 60 * 60_000,
  /** The editorial desk: added as an approved article's credit line unless it has its own ("" = none). */
  creditLine: "Edited By : SAILBlogs Editorial Board",
};

export type Settings = typeof defaultSettings;

/**
 * The settings in force. Read once per render of a page (React's cache: the article page asked
 * for them three times, a query each); anywhere else — actions, API routes, jobs, tests — every
 * call reads the table, so a change is seen at once. Callers must not modify what it returns.
 */
export const getSettings = cache(async (): Promise<Settings> => {
  const rows = await db.setting.findMany();
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const row of rows) if (row.key in merged) merged[row.key] = row.value ?? null;
  return merged as Settings;
});

export async function setSetting<K extends keyof Settings>(key: K, value: Settings[K]) {
  await db.setting.upsert({
    where: { key },
    create: { key, value: value as object },
    update: { value: value as object },
  });
}
