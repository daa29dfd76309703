import { listRevisions } from "@/lib/articles/list-revisions";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { article, revisions } = await listRevisions(await getViewer(request.headers), (await params).slug);
  return json({
    article,
    revisions: revisions.map((r) => ({
      number: r.number,
      current: r.current,
      draft: r.draft,
      wordCount: r.wordCount,
      createdAt: r.createdAt.toISOString(),
      author: r.createdBy ? { id: r.createdBy.id, name: r.createdBy.name } : null,
    })),
  });
});
