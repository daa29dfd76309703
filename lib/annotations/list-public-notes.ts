import { cache } from "react";
import { listAnnotations } from "./list-annotations";

/** An article's notes up to this many reach the page (the browser bench anchors and paints 10,000). */
export const maxPageNotes = 10_000;

/**
 * The article's notes anyone may see (the one visibility rule, read as nobody), oldest first, as
 * the shared article page needs them: once per render (React's cache) for both the notes list and
 * "where the conversation is" (density bar, readers' labels), so the latter adds no query.
 */
export const listPublicNotes = cache(async (slug: string) => {
  const rows: Awaited<ReturnType<typeof listAnnotations>>["annotations"] = [];
  let cursor: string | null = null;
  let open = false;
  do {
    const page = await listAnnotations(null, slug, { cursor, take: 1_000 });
    open = page.article.annotationsOpen;
    rows.push(...page.annotations);
    cursor = page.next;
  } while (cursor && rows.length < maxPageNotes);
  return { rows, open };
});
