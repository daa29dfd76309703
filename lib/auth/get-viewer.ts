import { auth } from "@/auth";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { viewerFromApiToken } from "@/lib/users/api-tokens";
import { apiContext } from "./api-context";
import type { Viewer } from "./viewer";

/**
 * The viewer of a request: the session cookie, or — inside the JSON API only (apiRoute), with the
 * scope the request needs — a personal access token (Authorization: Bearer). Elsewhere (server
 * actions, pages) a bearer token is ignored.
 */
export async function getViewer(headers?: Headers): Promise<Viewer | null> {
  const authorization = headers?.get("authorization");
  const api = apiContext();
  if (api && authorization?.toLowerCase().startsWith("bearer "))
    return viewerFromApiToken(authorization.slice(7).trim(), { scope: api.scope });
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as Role,
    status: u.status as UserStatus,
    bannedUntil: u.bannedUntil ? new Date(u.bannedUntil) : null,
  };
}

export function isBearer(headers: Headers) {
  return !!headers.get("authorization")?.toLowerCase().startsWith("bearer ");
}
