import { annoContext, annotationJson, annotationUrl, containerUrl, etagOf } from "@/lib/annotations/annotation-json";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { getViewer } from "@/lib/auth/get-viewer";
import { AppError } from "@/lib/errors";
import { apiRoute, bodyLimits, readJson } from "@/lib/http/api";
import { containerLinks, ld } from "@/lib/http/ld";

type Ctx = { params: Promise<{ slug: string }> };
const allow = "GET, HEAD, OPTIONS, POST";

// The article's annotation container (W3C Web Annotation Protocol): an AnnotationCollection whose
// first AnnotationPage is embedded; `?cursor=` addresses the following pages.
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  // `?q=`: only the notes that match (the notes search); without it (or blank), the container as it always was.
  const q = search.get("q")?.trim() ? search.get("q") : null;
  if (q !== null && q.length > 1000)
    throw new AppError("bad_request", "The search is too long.", { q: "Use at most 1,000 characters." });
  const { annotations, next, total } = await listAnnotations(await getViewer(request.headers), slug, { cursor, q });
  const container = containerUrl(slug);
  const also = q !== null ? `q=${encodeURIComponent(q)}&` : "";
  const page = {
    id: cursor ? `${container}?${also}cursor=${encodeURIComponent(cursor)}` : `${container}?${also}page=first`,
    type: "AnnotationPage",
    partOf: container,
    items: annotations.map((a) => annotationJson(a, { withContext: false })),
    ...(next ? { next: `${container}?${also}cursor=${encodeURIComponent(next)}` } : {}),
  };
  const headers = {
    Link: containerLinks,
    Allow: allow,
    "Accept-Post": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  };
  if (cursor) return ld({ "@context": annoContext, ...page }, { headers });
  return ld(
    {
      "@context": [annoContext, "http://www.w3.org/ns/ldp.jsonld"],
      id: container,
      type: ["BasicContainer", "AnnotationCollection"],
      label: q !== null ? `Annotations on ${slug} matching “${q}”` : `Annotations on ${slug}`,
      total,
      first: page,
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
    headers: {
      Allow: allow,
      Link: containerLinks,
      "Accept-Post": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    },
  });
}

export const POST = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const input = await readJson(request, bodyLimits.note, viewer);
  const { annotation, held } = await createAnnotation(viewer, slug, input);
  return ld(annotationJson(annotation), {
    status: held ? 202 : 201,
    headers: {
      Location: annotationUrl(slug, annotation.id),
      ETag: etagOf(annotation),
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
    },
  });
});
