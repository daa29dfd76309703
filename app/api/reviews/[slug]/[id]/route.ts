import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, readJson } from "@/lib/http/api";
import { ld, resourceLinks } from "@/lib/http/ld";
import { deleteReviewNote, updateReviewNote } from "@/lib/reviews/change-review-note";
import { getReviewNote } from "@/lib/reviews/list-review-notes";
import { reviewEtag, reviewNoteJson } from "@/lib/reviews/review-note-json";

type Ctx = { params: Promise<{ slug: string; id: string }> };
const allow = "GET, HEAD, OPTIONS, PUT, DELETE";

export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const viewer = await getViewer(request.headers);
  const { row } = await getReviewNote(viewer, slug, id);
  return ld(reviewNoteJson(row, { viewerId: viewer?.id }), {
    headers: { ETag: reviewEtag(row), Link: resourceLinks, Allow: allow, "Cache-Control": "private, no-store" },
  });
});

export const HEAD = async (request: Request, ctx: Ctx) => {
  const r = await GET(request, ctx);
  return new Response(null, { status: r.status, headers: r.headers });
};

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { Allow: allow, Link: resourceLinks } });
}

export const PUT = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const viewer = await getViewer(request.headers);
  const input = await readJson(request, bodyLimits.note, viewer);
  const row = await updateReviewNote(viewer, slug, id, input, request.headers.get("if-match"));
  return ld(reviewNoteJson(row, { viewerId: viewer?.id }), {
    headers: { ETag: reviewEtag(row), Link: resourceLinks, "Cache-Control": "private, no-store" },
  });
});

export const DELETE = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  await deleteReviewNote(await getViewer(request.headers), slug, id, request.headers.get("if-match"));
  return new Response(null, { status: 204 });
});
