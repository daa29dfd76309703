import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { locateComment } from "@/lib/comments/locate-comment";
import { seeOther } from "@/lib/http/api";

// A comment's permalink: redirect to the page of the thread that holds it.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  try {
    const { page } = await locateComment(await getViewer(request.headers), slug, id);
    return seeOther(`/articles/${slug}${page > 1 ? `?page=${page}` : ""}#comment-${id}`);
  } catch (e) {
    if (isAppError(e)) return seeOther(`/articles/${slug}#comments`);
    throw e;
  }
}
