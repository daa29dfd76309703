import { annoContext, annoMediaType } from "@/lib/annotations/annotation-json";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, readJson } from "@/lib/http/api";
import { containerLinks, ld } from "@/lib/http/ld";
import { createReviewNote } from "@/lib/reviews/create-review-note";
import { listReviewNotes } from "@/lib/reviews/list-review-notes";
import { reviewContainerUrl, reviewEtag, reviewNoteJson, reviewNoteUrl } from "@/lib/reviews/review-note-json";

type Ctx = { params: Promise<{ slug: string }> };
const allow = "GET, HEAD, OPTIONS, POST";

// An article's review notes (the editorial desk): a W3C annotation container like
// /api/annotations/{slug}/, seen only by editors and up and the article's author (404 otherwise).
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const { notes } = await listReviewNotes(viewer, slug);
  const container = reviewContainerUrl(slug);
  const headers = {
    Link: containerLinks,
    Allow: allow,
    "Accept-Post": annoMediaType,
    "Cache-Control": "private, no-store",
  };
  return ld(
    {
      "@context": [annoContext, "http://www.w3.org/ns/ldp.jsonld"],
      id: container,
      type: ["BasicContainer", "AnnotationCollection"],
      label: `Review notes on ${slug}`,
      total: notes.length,
      first: {
        id: `${container}?page=first`,
        type: "AnnotationPage",
        partOf: container,
        items: notes.map((n) => reviewNoteJson(n, { withContext: false, viewerId: viewer?.id })),
      },
    },
    { headers },
  );
});

export const HEAD = async (request: Request, ctx: Ctx) => {
  const r = await GET(request, ctx);
  return new Response(null, { status: r.status, headers: r.headers });
};

export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: { Allow: allow, Link: containerLinks, "Accept-Post": annoMediaType },
  });
}

export const POST = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const input = await readJson(request, bodyLimits.note, viewer);
  const note = await createReviewNote(viewer, slug, input);
  return ld(reviewNoteJson(note, { viewerId: viewer?.id }), {
    status: 201,
    headers: {
      Location: reviewNoteUrl(slug, note.id),
      ETag: reviewEtag(note),
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
      "Cache-Control": "private, no-store",
    },
  });
});
