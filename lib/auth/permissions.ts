import { clock } from "@/lib/clock";
import type { Role } from "@/lib/generated/prisma/enums";
import { isBanned } from "./is-banned";

// Who may do what, in one table. Each role holds the powers of the roles before it:
// commenter < contributor < moderator < editor < admin. A contributor writes drafts of their own
// and submits them for review (the domain keeps them to their own articles, lib/articles/article-access.ts).
export const roleOrder = ["commenter", "contributor", "moderator", "editor", "admin"] as const;
export type AnyRole = (typeof roleOrder)[number];

const table = {
  // Readers' writing
  "comments.create": "commenter",
  "annotations.create": "commenter",
  // Reading groups (issue 19): any account makes one; the editorial board is the built-in group of these roles
  "groups.create": "commenter",
  "groups.board": "moderator",
  // Articles
  "articles.create_draft": "contributor",
  "articles.submit": "contributor",
  "articles.read_own": "contributor",
  "articles.read_drafts": "editor",
  "articles.write": "editor",
  "articles.publish": "editor",
  "articles.review": "editor",
  "reviews.comment": "contributor",
  "media.upload": "contributor",
  // The board
  "moderation.read": "moderator",
  "comments.moderate": "moderator",
  "users.ban": "moderator",
  "settings.manage": "editor",
  "moderation.purge": "admin",
  "users.manage": "admin",
  "imports.run": "admin",
  "outbox.read": "admin",
  "subscribers.read": "admin",
  // Everyone signed in
  "account.manage": "commenter",
  // The name, bio and picture shown beside everything the account wrote: a write (a banned
  // account could otherwise rename the author of all its past comments to spam)
  "profile.edit": "commenter",
} as const satisfies Record<string, AnyRole>;

export type Permission = keyof typeof table;

/** The permissions that only read: a banned account keeps them (it reads on); it loses every other. */
const reading = new Set<Permission>([
  "articles.read_own",
  "articles.read_drafts",
  "moderation.read",
  "outbox.read",
  "subscribers.read",
  "account.manage",
]);

const rank = (role: string | null | undefined) => (role ? roleOrder.indexOf(role as AnyRole) : -1);

/** The least role that holds `permission`. */
export const leastRoleFor = (permission: Permission): AnyRole => table[permission];

export const isWriting = (permission: Permission) => !reading.has(permission);

/** Whether the role holds `permission` (no account state: for links and menus). */
export function roleCan(role: string | null | undefined, permission: Permission): boolean {
  const r = rank(role);
  return r >= 0 && r >= rank(table[permission]);
}

/** Whether this account may do it now: its role, and no writing while a ban is in force. */
export function can(
  viewer: { role: string; status: string; bannedUntil: Date | null } | null,
  permission: Permission,
  now = clock.now(),
): boolean {
  if (!viewer || !roleCan(viewer.role, permission)) return false;
  return !(isWriting(permission) && isBanned(viewer, now));
}

/** The database roles that hold `permission` (for queries such as "mail every moderator"). */
export function rolesWith<R extends string>(permission: Permission, roles: readonly R[]): R[] {
  return roles.filter((r) => roleCan(r, permission));
}

/** Role ranks for comparisons between accounts (may a moderator ban this editor?). */
export const roleRank = (role: Role | AnyRole) => rank(role);
