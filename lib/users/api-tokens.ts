import crypto from "node:crypto";
import { type Permission, roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { requireViewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation/parse-input";
import { apiTokenSchema, type TokenScope, tokenScopes } from "@/lib/validation/user";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// The permission (lib/auth/permissions.ts) a role needs to give a token each scope.
const scopePermission: Record<TokenScope, Permission> = {
  read: "account.manage",
  comments: "comments.create",
  annotations: "annotations.create",
  articles: "articles.create_draft",
  moderation: "comments.moderate",
};

/** The scopes an account of `role` may give a token: a token never does more than its owner. */
export function scopesForRole(role: Role): TokenScope[] {
  return tokenScopes.filter((s) => roleCan(role, scopePermission[s]));
}

// Personal access tokens: the secret is shown once; only its SHA-256 is stored. Each has scopes
// (those its owner's role allows; all of them when none are named) and an optional expiry.
export async function createApiToken(viewer: Viewer | null, raw: unknown) {
  const me = requireViewer(viewer);
  const parsed = parseInput(apiTokenSchema, raw);
  const allowed = scopesForRole(me.role);
  const scopes = parsed.scopes ? [...new Set(parsed.scopes)] : allowed;
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length)
    throw new AppError(
      "forbidden",
      `Your role cannot give a token the scope ${refused.map((s) => `“${s}”`).join(", ")}.`,
      { scopes: `Not allowed for your role: ${refused.join(", ")}.` },
    );
  const count = await db.apiToken.count({ where: { userId: me.id, revokedAt: null } });
  if (count >= 20) throw new AppError("rule_violation", "You have 20 active tokens; revoke one first.");
  const secret = `gls_${crypto.randomBytes(32).toString("base64url")}`;
  const expiresAt = parsed.expiresInDays ? new Date(clock.now().getTime() + parsed.expiresInDays * 86_400_000) : null;
  const token = await db.apiToken.create({
    data: {
      userId: me.id,
      name: parsed.name,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, 10),
      scopes: tokenScopes.filter((s) => scopes.includes(s)),
      expiresAt,
    },
    select: { id: true, name: true, prefix: true, createdAt: true, scopes: true, expiresAt: true },
  });
  return { ...token, secret };
}

export async function listApiTokens(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  return db.apiToken.findMany({
    where: { userId: me.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, scopes: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(viewer: Viewer | null, tokenId: string) {
  const me = requireViewer(viewer);
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId: me.id, revokedAt: null },
    data: { revokedAt: clock.now() },
  });
  if (count === 0) throw new AppError("not_found", "That token does not exist or was already revoked.");
}

/** Revokes every token of an account (a password reset: whoever had the old password may have made some). */
export async function revokeAllApiTokens(userId: string, tx: Pick<Prisma.TransactionClient, "apiToken"> = db) {
  const { count } = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: clock.now() },
  });
  return count;
}

type TokenRow = {
  id: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  scopes: TokenScope[];
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: Viewer["status"];
  bannedUntil: Date | null;
  deletedAt: Date | null;
};

/**
 * The viewer a bearer token stands for, or null when it is unknown, revoked, expired or its
 * account is gone. With `scope`, a token without that scope is refused (403) — `null` as the
 * scope means the request is one no token may make.
 */
export async function viewerFromApiToken(
  secret: string,
  options: { scope?: TokenScope | null } = {},
): Promise<Viewer | null> {
  if (!/^gls_[A-Za-z0-9_-]{20,80}$/.test(secret)) return null;
  // The token and its account in one query (every API request with a token pays it).
  const [found] = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."revokedAt", t."lastUsedAt", t."expiresAt", t."scopes"::text[] AS "scopes",
           u."id" AS "userId", u."name", u."email", u."role"::text AS "role", u."status"::text AS "status",
           u."bannedUntil", u."deletedAt"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${sha256(secret)}`;
  const token = found && {
    ...found,
    user: {
      id: found.userId,
      name: found.name,
      email: found.email,
      role: found.role,
      status: found.status,
      bannedUntil: found.bannedUntil,
      deletedAt: found.deletedAt,
    },
  };
  const now = clock.now();
  if (!token || token.revokedAt || token.user.deletedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (options.scope === null)
    throw new AppError("forbidden", "Personal access tokens cannot be used for this; sign in instead.");
  if (options.scope && !token.scopes.includes(options.scope))
    throw new AppError("forbidden", `This token does not have the “${options.scope}” scope.`);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  const { id, name, email, role, status, bannedUntil } = token.user;
  return { id, name, email, role, status, bannedUntil };
}
