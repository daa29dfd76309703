import { type Conversation, type PlacedNote, summarizeConversation } from "./conversation";
import { listPublicNotes } from "./list-public-notes";

/** Length in code points (annotation positions count in code points). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

type Row = Pick<PlacedNote, "id" | "authorId" | "blockId" | "exact"> & {
  parentId: string | null;
  status: string;
  state: string;
  start: number | null;
  end: number | null;
};

/** The notes that place the conversation: approved top-level notes anchored on a passage (not page notes, not orphaned, not deleted). */
export function conversationOf(rows: readonly Row[], text: string): Conversation {
  const placed: PlacedNote[] = [];
  for (const r of rows)
    if (!r.parentId && r.status === "approved" && r.state === "anchored" && r.exact !== null && r.start !== null)
      placed.push({
        id: r.id,
        start: r.start,
        end: r.end ?? r.start,
        authorId: r.authorId,
        blockId: r.blockId,
        exact: r.exact,
      });
  return summarizeConversation(placed, codePointLength(text));
}

/**
 * Where an article's public conversation is (density bar, "N readers noted this"), from the notes
 * the page lists anyway (listPublicNotes: the same rows, read once per render). Reads no viewer —
 * the article page is the same for everyone and cached with this in it.
 */
export async function getConversation(slug: string, text: string): Promise<Conversation> {
  return conversationOf((await listPublicNotes(slug)).rows, text);
}
