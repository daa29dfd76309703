import { annotationJson } from "@/lib/annotations/annotation-json";
import { siteUrl } from "@/lib/env";
import type { MyNoteRow } from "./my-note-fields";
import { notePassagePath } from "./note-links";

/** A line of `GET /api/me/notes`: the note as the container has it, plus where it sits. */
export function myNoteJson(n: MyNoteRow) {
  return {
    ...annotationJson(n, { withContext: false }),
    article: { slug: n.article.slug, title: n.article.title },
    passageUrl: `${siteUrl()}${notePassagePath(n)}`,
    ...(n.parentId ? { replyTo: { id: n.parentId, quote: n.parent?.exact ?? null } } : {}),
  };
}
