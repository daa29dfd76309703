import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { viewerFromApiToken } from "@/lib/users/api-tokens";
import { userOfSession } from "@/lib/users/sessions";
import type { Viewer } from "./viewer";

const sessionCookie = /(?:^|;\s*)(__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * The viewer of a request, read the way Auth.js's jwt callback does (auth.ts): the session
 * cookie's JWT decrypted, then its session row checked live in the database (signed out, ended
 * sessions, deleted accounts → null) — without the rest of a full auth() round (re-signing the
 * token, the session callback), which is most of the cost of a small per-viewer request such as
 * the article page's personal layer. A personal access token (Authorization: Bearer) is read as
 * everywhere else. Reads only; never sets a cookie.
 */
export async function readSessionViewer(headers: Headers): Promise<Viewer | null> {
  const who = await readRequestIdentity(headers);
  if (!who || "viewer" in who) return who?.viewer ?? null;
  const user = await userOfSession(who.sessionToken);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    bannedUntil: user.bannedUntil,
  };
}

// A session cookie is an encrypted JWT: decrypting it (HKDF, AES-CBC, HMAC) was a fifth of the CPU
// of the article page's personal request, asked after every page view by the same few cookies.
// The answer for a cookie value is the same until the token expires, so it is kept, bounded, with
// that expiry (the session row, ended or not, is still read on every request).
const decoded = new Map<string, { sid: string; expiresAt: number }>();
const maxDecoded = 5000;

/**
 * Who a request claims to be, before the session row is read: a personal access token's viewer
 * (checked), or the session token inside a valid session cookie (not yet checked against the
 * database: the caller reads the session row — the personal layer does it in its own query), or
 * null.
 */
export async function readRequestIdentity(
  headers: Headers,
): Promise<{ viewer: Viewer | null } | { sessionToken: string } | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer "))
    return { viewer: await viewerFromApiToken(authorization.slice(7).trim()) };
  const found = sessionCookie.exec(headers.get("cookie") ?? "");
  if (!found) return null;
  const secure = !!found[1];
  const cookieName = `${secure ? "__Secure-" : ""}authjs.session-token`;
  const key = sessionCookieValue(headers.get("cookie") ?? "", cookieName);
  const known = key ? decoded.get(key) : undefined;
  if (known && known.expiresAt > Date.now()) return { sessionToken: known.sid };
  const token = await getToken({
    req: { headers },
    secret: env().AUTH_SECRET,
    secureCookie: secure,
    cookieName,
    salt: cookieName,
  }).catch(() => null);
  const sid = token?.sid;
  if (typeof sid !== "string") return null;
  if (key && typeof token?.exp === "number") {
    if (decoded.size >= maxDecoded) decoded.delete(decoded.keys().next().value as string);
    decoded.set(key, { sid, expiresAt: token.exp * 1000 });
  }
  return { sessionToken: sid };
}

/**
 * The cookies getToken reads (the session cookie, or its chunks `name.0`, `name.1`…), as they
 * appear in the header: the same parts always decode to the same token. Null when there are none.
 */
function sessionCookieValue(cookieHeader: string, cookieName: string): string | null {
  const parts: string[] = [];
  for (const part of cookieHeader.split(";")) {
    const trimmed = part.trim();
    if (trimmed.startsWith(`${cookieName}=`) || trimmed.startsWith(`${cookieName}.`)) parts.push(trimmed);
  }
  return parts.length ? parts.join("; ") : null;
}
