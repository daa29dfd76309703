import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/get-viewer";
import { hasRole } from "@/lib/auth/roles";
import { signInHref } from "@/lib/http/sign-in-href";

// The studio's door: signed-out visitors go to sign in (and come back); commenters and moderators
// get a 403 (app/forbidden.tsx). The domain functions check the role again on every read and write.
export async function studioViewer(path: string) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect(signInHref(path));
  if (!hasRole(viewer.role, "editor")) forbidden();
  return { viewer };
}
