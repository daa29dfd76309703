import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/get-viewer";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInHref } from "@/lib/http/sign-in-href";

// The moderation pages' door: signed-out visitors go to sign in (and come back); the signed-in
// below the role the page needs get a 403 (app/forbidden.tsx). The domain functions check again.
export async function boardViewer(path: string, role: Role = "moderator") {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect(signInHref(path));
  if (!hasRole(viewer.role, role)) forbidden();
  return { viewer };
}
