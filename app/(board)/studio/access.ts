import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/get-viewer";
import { hasRole } from "@/lib/auth/roles";

// The studio's door: signed-out visitors go to sign in (and come back); commenters and moderators
// get the "no access" page. The domain functions check the role again on every read and write.
export async function studioViewer(path: string) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect(`/signin?returnTo=${encodeURIComponent(path)}`);
  return { viewer, allowed: hasRole(viewer.role, "editor") };
}
