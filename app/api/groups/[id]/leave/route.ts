import { getViewer } from "@/lib/auth/get-viewer";
import { leaveGroup } from "@/lib/groups/leave-group";
import { apiRoute, json } from "@/lib/http/api";

// A member leaves (what they wrote in the group stays).
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return json(await leaveGroup(await getViewer(request.headers), (await params).id));
});
