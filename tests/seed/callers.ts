import { encode } from "next-auth/jwt";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createApiToken } from "@/lib/users/api-tokens";
import { openSession } from "@/lib/users/sessions";
import { member } from "./users";

// The callers of the permission matrices (API: tokens; server actions: session cookies), made one way.
// Each kind is a real account; the credential is made the way its state needs: `unconfirmed` before
// it exists (the account never confirmed), `banned` and `deleted` before the state changes (a live
// session or token that outlived the account's good standing).

/** Every kind of signed-in caller, in the matrices' column order. */
export const accountKinds = [
  "commenter",
  "contributor",
  "unconfirmed",
  "moderator",
  "editor",
  "admin",
  "banned",
  "deleted",
] as const;
export type AccountKind = (typeof accountKinds)[number];

/** A fresh account of `kind` and its credential, made by `credential` at the right moment. */
export async function accountCaller<C>(
  kind: AccountKind,
  credential: (viewer: Viewer) => Promise<C>,
): Promise<{ owner: Viewer; credential: C }> {
  switch (kind) {
    case "unconfirmed": {
      const owner = await member("commenter");
      await db.user.update({ where: { id: owner.id }, data: { emailConfirmed: false } });
      return { owner, credential: await credential(owner) };
    }
    case "banned": {
      const owner = await member("commenter");
      const made = await credential(owner);
      await db.user.update({
        where: { id: owner.id },
        data: { status: "banned", bannedUntil: null, banReason: "matrix" },
      });
      return { owner, credential: made };
    }
    case "deleted": {
      const owner = await member("commenter");
      const made = await credential(owner);
      await db.user.update({ where: { id: owner.id }, data: { deletedAt: new Date() } });
      return { owner, credential: made };
    }
    default: {
      const owner = await member(kind);
      return { owner, credential: await credential(owner) };
    }
  }
}

/** `Authorization: Bearer …` with a fresh token of `viewer` (every scope its role allows, unless `scopes`). */
export async function bearerOf(viewer: Viewer, scopes?: string[]) {
  const token = await createApiToken(viewer, { name: "matrix", ...(scopes ? { scopes } : {}) });
  return `Bearer ${token.secret}`;
}

export const sessionCookieName = "authjs.session-token";

/** Headers with a real session row inside a real Auth.js session cookie (an encrypted JWT), as a browser sends. */
export async function signedIn(viewer: Viewer): Promise<Headers> {
  const sid = await openSession(viewer.id);
  const jwt = await encode({ token: { sub: viewer.id, sid }, secret: env().AUTH_SECRET, salt: sessionCookieName });
  return new Headers({ cookie: `${sessionCookieName}=${jwt}` });
}
