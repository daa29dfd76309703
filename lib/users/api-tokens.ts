import crypto from "node:crypto";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { requireViewer } from "@/lib/auth/viewer";
import { apiTokenNameSchema } from "@/lib/validation/user";
import { parseInput } from "@/lib/validation/parse-input";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Personal access tokens: the secret is shown once; only its SHA-256 is stored.
export async function createApiToken(viewer: Viewer | null, raw: unknown) {
  const me = requireViewer(viewer);
  const parsed = parseInput(apiTokenNameSchema, raw);
  const count = await db.apiToken.count({ where: { userId: me.id, revokedAt: null } });
  if (count >= 20) throw new AppError("rule_violation", "You have 20 active tokens; revoke one first.");
  const secret = `gls_${crypto.randomBytes(32).toString("base64url")}`;
  const token = await db.apiToken.create({
    data: { userId: me.id, name: parsed.name, tokenHash: sha256(secret), prefix: secret.slice(0, 10) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...token, secret };
}

export async function listApiTokens(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  return db.apiToken.findMany({
    where: { userId: me.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(viewer: Viewer | null, tokenId: string) {
  const me = requireViewer(viewer);
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId: me.id, revokedAt: null }, data: { revokedAt: clock.now() } });
  if (count === 0) throw new AppError("not_found", "That token does not exist or was already revoked.");
}

/** The viewer a bearer token stands for, or null when it is unknown, revoked or its account is gone. */
export async function viewerFromApiToken(secret: string): Promise<Viewer | null> {
  if (!/^gls_[A-Za-z0-9_-]{20,80}$/.test(secret)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: sha256(secret) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, role: true, status: true, bannedUntil: true, deletedAt: true } } },
  });
  if (!token || token.revokedAt || token.user.deletedAt) return null;
  const now = clock.now();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  const { id, name, email, role, status, bannedUntil } = token.user;
  return { id, name, email, role, status, bannedUntil };
}
