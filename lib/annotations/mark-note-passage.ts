import { isAppError } from "@/lib/errors";
import { getAnnotation } from "./get-annotation";
import { markPassage } from "./mark-passage";

/**
 * The article's HTML with a public note's passage marked (`?note=<id>`); unchanged for a note that
 * is unknown, not public, a reply or orphaned. Reads no viewer: the page stays the same for everyone.
 */
export async function markNotePassage(slug: string, html: string, noteId: string): Promise<string> {
  try {
    const row = await getAnnotation(null, slug, noteId);
    if (row.parentId || row.state !== "anchored" || !row.exact) return html;
    return markPassage(html, { id: row.id, exact: row.exact, prefix: row.prefix, blockId: row.blockId });
  } catch (e) {
    if (isAppError(e)) return html;
    throw e;
  }
}
