import type { Role } from "@/lib/generated/prisma/enums";

// Who may do what: each role includes the powers of the roles before it.
export const roleRank: Record<Role, number> = { commenter: 0, moderator: 1, editor: 2, admin: 3 };

export function hasRole(role: Role | undefined | null, atLeast: Role): boolean {
  return !!role && roleRank[role] >= roleRank[atLeast];
}

export const isBoard = (role: Role | undefined | null) => hasRole(role, "moderator");
