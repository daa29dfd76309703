import { siteUrl } from "@/lib/env";

export type GroupRow = {
  id: string;
  name: string;
  description: string;
  kind: "custom" | "board";
  createdAt: Date;
  inviteToken: string | null;
  owner: { id: string; name: string; deletedAt: Date | null } | null;
};

export type GroupMembership = "owner" | "member" | "board";

export const inviteUrl = (token: string) => `${siteUrl()}/groups/join/${token}`;

/** A group as the API and pages show it; the invite link only to its owner. */
export function groupJson(row: GroupRow, membership: GroupMembership, memberCount: number) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    owner: row.owner ? { id: row.owner.id, name: row.owner.deletedAt ? "deleted user" : row.owner.name } : null,
    membership,
    memberCount,
    createdAt: row.createdAt.toISOString(),
    ...(membership === "owner" && row.inviteToken ? { inviteUrl: inviteUrl(row.inviteToken) } : {}),
  };
}

export const groupSelect = {
  id: true,
  name: true,
  description: true,
  kind: true,
  createdAt: true,
  inviteToken: true,
  owner: { select: { id: true, name: true, deletedAt: true } },
} as const;
