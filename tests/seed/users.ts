import { viewerOf } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";
import { uniqueEmail } from "./unique";

// Accounts, made through the real sign-up path (so its rules run), or moved into a state through Prisma.

export const defaultPassword = "margin-notes-42";

/** Creates an account through the real sign-up path and returns it as a viewer. */
export async function createTestUser(
  options: { name?: string; password?: string; role?: Role; label?: string; trusted?: boolean } = {},
) {
  const password = options.password ?? defaultPassword;
  const user = await createUser(
    { name: options.name ?? "Test Reader", email: uniqueEmail(options.label), password },
    { role: options.role, trusted: options.trusted ?? true },
  );
  const viewer = viewerOf(user);
  return { viewer, password };
}

/** A board member or reader (trusted unless asked otherwise). */
export async function member(role: Role = "commenter", options: { trusted?: boolean; name?: string } = {}) {
  return (await createTestUser({ role, label: role, trusted: options.trusted, name: options.name })).viewer;
}

/** A trusted account made two days ago (past the new-account rules). */
export async function established(role: Role = "commenter") {
  const viewer = await member(role, { trusted: true });
  await db.user.update({
    where: { id: viewer.id },
    data: { createdAt: new Date(clock.now().getTime() - 2 * 86_400_000) },
  });
  return viewer;
}

/** Bans a user in the database (as moderation will); `until` null is permanent. */
export async function ban(userId: string, until: Date | null = new Date(clock.now().getTime() + 86_400_000)) {
  await db.user.update({ where: { id: userId }, data: { status: "banned", bannedUntil: until, banReason: "testing" } });
}
