import { apiRoute, json } from "@/lib/http/api";
import { readSessionViewer } from "@/lib/auth/read-session-viewer";
import { getArticlePersonal } from "@/lib/personal/get-article-personal";

type Ctx = { params: Promise<{ slug: string }> };

// The personal layer of an article page (whose HTML is the same for everyone): who the viewer is,
// what they may do, their held comments and private notes. Never stored by any shared cache.
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const data = await getArticlePersonal(await readSessionViewer(request.headers), (await params).slug);
  return json(data, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" } });
});
