import { getViewer } from "@/lib/auth/get-viewer";
import { locateComment } from "@/lib/comments/locate-comment";
import { isAppError } from "@/lib/errors";
import { seeOther } from "@/lib/http/api";
import { decodeCursor } from "@/lib/http/cursor";

// A comment's permalink: redirect to the page of the thread that holds it, with `comment=<id>` so
// the page shows the branch down to it and its own replies (`after`: from that cursor on, what a
// "Show N more replies" link asks for without JavaScript).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  try {
    const { page } = await locateComment(await getViewer(request.headers), slug, id);
    const after = new URL(request.url).searchParams.get("after");
    const query = new URLSearchParams({
      ...(page > 1 ? { page: String(page) } : {}),
      comment: id,
      ...(after && decodeCursor(after) ? { after } : {}),
    });
    return seeOther(`/articles/${slug}?${query}#comment-${id}`);
  } catch (e) {
    if (isAppError(e)) return seeOther(`/articles/${slug}#comments`);
    throw e;
  }
}
