import { getViewer } from "@/lib/auth/get-viewer";
import { getGroup } from "@/lib/groups/get-group";
import { apiRoute, json } from "@/lib/http/api";

// One group with its members: its members only (404 to anyone else).
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return json(await getGroup(await getViewer(request.headers), (await params).id));
});
