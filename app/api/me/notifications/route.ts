import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/list-notifications";

// The viewer's notifications, newest first: {items, next, unread}.
export const GET = apiRoute(async (request: Request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listNotifications(await getViewer(request.headers), query), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
