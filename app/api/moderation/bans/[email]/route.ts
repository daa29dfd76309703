import { apiRoute, json } from "@/lib/http/api";
import { getViewer } from "@/lib/auth/get-viewer";
import { unbanUser } from "@/lib/moderation/ban-user";

export const DELETE = apiRoute(async (request: Request, { params }: { params: Promise<{ email: string }> }) => {
  const email = decodeURIComponent((await params).email);
  return json(await unbanUser(await getViewer(request.headers), email));
});
