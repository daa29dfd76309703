import { getViewer } from "@/lib/auth/get-viewer";
import { requireViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api";

// Who the request authenticates as (session cookie or personal access token).
export const GET = apiRoute(async (request: Request) => {
  const v = requireViewer(await getViewer(request.headers));
  // emailConfirmed false: a sign-up whose address is not confirmed yet (its posts are held).
  const user = await db.user.findUnique({ where: { id: v.id }, select: { emailConfirmed: true } });
  return json({
    id: v.id,
    name: v.name,
    email: v.email,
    role: v.role,
    status: v.status,
    emailConfirmed: user?.emailConfirmed ?? true,
  });
});
