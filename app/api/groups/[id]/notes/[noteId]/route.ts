import { getViewer } from "@/lib/auth/get-viewer";
import { removeGroupNote } from "@/lib/groups/remove-group-note";
import { apiRoute } from "@/lib/http/api";

type Ctx = { params: Promise<{ id: string; noteId: string }> };

// The owner (or an admin, for reports) removes a note written in the group: to the trash, history kept.
export const DELETE = apiRoute(async (request: Request, { params }: Ctx) => {
  const { id, noteId } = await params;
  await removeGroupNote(await getViewer(request.headers), id, noteId);
  return new Response(null, { status: 204 });
});
