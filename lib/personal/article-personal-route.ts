import { readRequestIdentity } from "@/lib/auth/read-session-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { getArticlePersonal, getArticlePersonalOfSession } from "./get-article-personal";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * GET /api/me/articles/{slug}: the personal layer of an article page (whose HTML is the same for
 * everyone): who the viewer is, what they may do, their held comments and private notes. Never
 * stored by any shared cache. Every page view of a signed-in reader asks for it, so besides the
 * route (app/api/me/articles/[slug]/route.ts) scripts/server.mjs calls this same handler directly
 * (instrumentation.ts hands it over), without a trip through Next's router — same answer, a
 * fraction of the CPU. A session cookie's session row is read in the layer's own query: one round
 * trip to PostgreSQL per request.
 */
export const getArticlePersonalRoute = apiRoute(async (request: Request, { params }: Ctx) => {
  const slug = (await params).slug;
  const who = await readRequestIdentity(request.headers);
  const data =
    who && "sessionToken" in who
      ? await getArticlePersonalOfSession(who.sessionToken, slug)
      : await getArticlePersonal(who?.viewer ?? null, slug);
  return json(data, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" } });
});
