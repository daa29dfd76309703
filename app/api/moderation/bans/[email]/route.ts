import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { unbanUser } from "@/lib/moderation/ban-user";

export const DELETE = apiRoute(async (request: Request, { params }: { params: Promise<{ email: string }> }) => {
  // Next hands the segment over decoded already: decoding it again turned "%25" into a URIError (500).
  const email = (await params).email;
  return json(await unbanUser(await getViewer(request.headers), email));
});
