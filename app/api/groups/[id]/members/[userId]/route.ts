import { getViewer } from "@/lib/auth/get-viewer";
import { removeGroupMember } from "@/lib/groups/remove-group-member";
import { apiRoute } from "@/lib/http/api";

type Ctx = { params: Promise<{ id: string; userId: string }> };

// The owner removes a member.
export const DELETE = apiRoute(async (request: Request, { params }: Ctx) => {
  const { id, userId } = await params;
  await removeGroupMember(await getViewer(request.headers), id, userId);
  return new Response(null, { status: 204 });
});
