import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";
import { actOnItems } from "@/lib/moderation/act-on-items";

export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  return json(await actOnItems(viewer, await readJson(request, bodyLimits.moderation, viewer)));
});
