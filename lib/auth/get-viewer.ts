import { auth } from "@/auth";
import type { Viewer } from "./viewer";
import { viewerFromApiToken } from "@/lib/users/api-tokens";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

/** The viewer of a request: a personal access token (Authorization: Bearer) or the session cookie. */
export async function getViewer(headers?: Headers): Promise<Viewer | null> {
  const authorization = headers?.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return viewerFromApiToken(authorization.slice(7).trim());
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, name: u.name, email: u.email, role: u.role as Role, status: u.status as UserStatus, bannedUntil: u.bannedUntil ? new Date(u.bannedUntil) : null };
}

export function isBearer(headers: Headers) {
  return !!headers.get("authorization")?.toLowerCase().startsWith("bearer ");
}
