import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";
import { changeUserRole } from "@/lib/moderation/change-user-role";

// PATCH {email, role}: admins change a user's role.
export const PATCH = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await changeUserRole(viewer, await readJson(request, bodyLimits.small, viewer)));
});
