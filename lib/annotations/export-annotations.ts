import { annoContext, annotationJson, containerUrl } from "./annotation-json";
import { listAnnotations } from "./list-annotations";

// Every public annotation of an article as one W3C AnnotationCollection (JSON-LD), for
// `npm run gloss -- export:annotations --article SLUG`. Private notes are never exported.
export async function exportAnnotations(slug: string) {
  const items: ReturnType<typeof annotationJson>[] = [];
  let cursor: string | null = null;
  do {
    const page = await listAnnotations(null, slug, { cursor, take: 500 });
    items.push(
      ...page.annotations.filter((a) => a.status === "approved").map((a) => annotationJson(a, { withContext: false })),
    );
    cursor = page.next;
  } while (cursor);
  return {
    "@context": annoContext,
    id: containerUrl(slug),
    type: "AnnotationCollection",
    label: `Annotations on ${slug}`,
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}
