import { db } from "@/lib/db";
import { type Conversation, summarizeConversation } from "./conversation";
import { visibleAnnotations } from "./visibility";

/** Length in code points (annotation positions count in code points). */
function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * Where an article's public conversation is (density bar, "N readers noted this"): its approved
 * public notes anchored in the current text, one lean query. Reads no viewer — the article page is
 * the same for everyone and cached; page notes (no passage) and orphaned notes are not placed.
 */
export async function getConversation(articleId: string, text: string): Promise<Conversation> {
  const notes = await db.annotation.findMany({
    where: {
      articleId,
      parentId: null,
      // What anyone may see (the one visibility rule), and of that only what is up, not deleted.
      AND: [visibleAnnotations(null)],
      status: "approved",
      state: "anchored",
      start: { not: null },
      exact: { not: null },
    },
    select: { id: true, start: true, end: true, authorId: true, blockId: true, exact: true },
  });
  return summarizeConversation(
    notes.map((n) => ({ ...n, start: n.start ?? 0, end: n.end ?? 0 })),
    codePointLength(text),
  );
}
