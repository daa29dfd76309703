import type { MyNoteRow } from "./my-note-fields";

/** The link that opens the article at a note's passage (a reply: at its thread's passage), the note open. */
export function notePassagePath(note: Pick<MyNoteRow, "threadId" | "article">): string {
  const at = encodeURIComponent(note.threadId);
  return `/articles/${note.article.slug}?note=${at}#passage-${at}`;
}
