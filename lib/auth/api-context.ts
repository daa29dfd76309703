import { AsyncLocalStorage } from "node:async_hooks";
import type { TokenScope } from "@/lib/validation/user";

// Set by apiRoute (lib/http/api.ts) around every JSON API handler: only there may a personal
// access token stand for its owner, and only with the scope the request needs. Server actions
// and pages run outside it, so a bearer token never works there (it cannot mint tokens, change
// the password or delete the account).
type ApiContext = { scope: TokenScope | null };
const store = new AsyncLocalStorage<ApiContext>();

export const runInApiContext = <T>(context: ApiContext, fn: () => Promise<T>) => store.run(context, fn);
export const apiContext = () => store.getStore();

/** The scope a token needs for a request: reads need `read`; each write, its area's scope; null = no token may. */
export function requiredScope(method: string, pathname: string): TokenScope | null {
  if (["GET", "HEAD", "OPTIONS"].includes(method)) return "read";
  if (pathname.startsWith("/api/moderation/")) return "moderation";
  // Reading groups exist to annotate together: joining, leaving and running one go with the notes.
  if (pathname.startsWith("/api/annotations/") || pathname === "/api/groups" || pathname.startsWith("/api/groups/"))
    return "annotations";
  // Review notes belong with the articles under review (the desk).
  if (pathname.startsWith("/api/reviews/")) return "articles";
  if (pathname.startsWith("/api/comments/") || /^\/api\/articles\/[^/]+\/comments\/?$/.test(pathname))
    return "comments";
  // Following a discussion and marking its notifications read belong with taking part in it.
  if (/^\/api\/articles\/[^/]+\/subscription\/?$/.test(pathname) || pathname === "/api/me/notifications/read")
    return "comments";
  // Images for articles (POST /api/media, editor and up) belong with the articles they illustrate.
  if (
    pathname === "/api/articles" ||
    pathname.startsWith("/api/articles/") ||
    pathname === "/api/media" ||
    pathname === "/import/upload"
  )
    return "articles";
  return null;
}
