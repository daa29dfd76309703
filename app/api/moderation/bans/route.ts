import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";
import { banUser } from "@/lib/moderation/ban-user";

export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await banUser(viewer, await readJson(request, bodyLimits.small, viewer)), { status: 201 });
});
