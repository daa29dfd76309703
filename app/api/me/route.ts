import { apiRoute, json } from "@/lib/http/api";
import { getViewer } from "@/lib/auth/get-viewer";
import { requireViewer } from "@/lib/auth/viewer";

// Who the request authenticates as (session cookie or personal access token).
export const GET = apiRoute(async (request: Request) => {
  const v = requireViewer(await getViewer(request.headers));
  return json({ id: v.id, name: v.name, email: v.email, role: v.role, status: v.status });
});
