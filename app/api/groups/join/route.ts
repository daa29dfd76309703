import { getViewer } from "@/lib/auth/get-viewer";
import { joinGroup } from "@/lib/groups/join-group";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

// Joining a group with the token of its invite link.
export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await joinGroup(viewer, await readJson(request, bodyLimits.small, viewer)));
});
