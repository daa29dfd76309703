import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { seeOther } from "@/lib/http/api";

// A note's permalink: to the article at the note (which the page scrolls to, lights up and
// opens), or to the article alone when the note is gone or not the viewer's to see.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  try {
    await getAnnotation(await getViewer(request.headers), slug, id);
    return seeOther(`/articles/${slug}#annotation-${id}`);
  } catch (e) {
    if (isAppError(e)) return seeOther(`/articles/${slug}`);
    throw e;
  }
}
