import { annotationJson, etagOf } from "@/lib/annotations/annotation-json";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/change-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, bodyLimits, readJson } from "@/lib/http/api";
import { ld, resourceLinks } from "@/lib/http/ld";

type Ctx = { params: Promise<{ slug: string; id: string }> };
const allow = "GET, HEAD, OPTIONS, PUT, DELETE";

export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const row = await getAnnotation(await getViewer(request.headers), slug, id);
  return ld(annotationJson(row), { headers: { ETag: etagOf(row), Link: resourceLinks, Allow: allow } });
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
  const row = await updateAnnotation(viewer, slug, id, input, request.headers.get("if-match"));
  return ld(annotationJson(row), { headers: { ETag: etagOf(row), Link: resourceLinks } });
});

export const DELETE = apiRoute(async (request: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  await deleteAnnotation(await getViewer(request.headers), slug, id, request.headers.get("if-match"));
  return new Response(null, { status: 204 });
});
