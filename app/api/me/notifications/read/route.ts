import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, readJson } from "@/lib/http/api";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

// Marks notifications read: {ids: [...]} or {all: true} → 204.
export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  await markNotificationsRead(viewer, await readJson(request, bodyLimits.small, viewer));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
