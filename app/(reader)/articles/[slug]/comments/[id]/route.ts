import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { locateComment } from "@/lib/comments/locate-comment";

// A comment's permalink: redirect to the page of the thread that holds it.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  try {
    const { page } = await locateComment(await getViewer(request.headers), slug, id);
    return Response.redirect(new URL(`/articles/${slug}${page > 1 ? `?page=${page}` : ""}#comment-${id}`, request.url), 303);
  } catch (e) {
    if (isAppError(e)) return Response.redirect(new URL(`/articles/${slug}#comments`, request.url), 303);
    throw e;
  }
}
