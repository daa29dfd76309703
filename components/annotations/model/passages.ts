// Ordering and grouping notes by their passages, and where a passage's panel goes.
import type { TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { ArticleText } from "../hooks/use-article-anchors";
import type { NoteThread } from "./note-data";

/** Notes on one passage: the margin shows one count per group. */
export type PassageGroup = { key: string; span: TextSpan; threads: NoteThread[] };

/** Text order of notes by their resolved passages. */
export const byPosition = (spans: Map<string, TextSpan>) => (a: NoteThread, b: NoteThread) => {
  const x = spans.get(a.id)!;
  const y = spans.get(b.id)!;
  return x.start - y.start || x.end - y.end || a.created.localeCompare(b.created);
};

// The server's order before the text is read (and without JavaScript): by stored position.
export const byStoredPosition = (a: NoteThread, b: NoteThread) =>
  (a.position?.start ?? 0) - (b.position?.start ?? 0) || a.created.localeCompare(b.created);

/** Before the text is read (server HTML, no JavaScript): page notes first, then notes where the server last placed them, orphaned ones apart. */
export function storedListing(threads: NoteThread[]) {
  const onPassages = threads.filter((t) => !t.page);
  return {
    page: pageNotes(threads),
    anchored: onPassages.filter((t) => t.state !== "orphaned").sort(byStoredPosition),
    orphaned: onPassages.filter((t) => t.state === "orphaned"),
  };
}

/** Notes on the whole article, oldest first: never placed in the text, never orphaned. */
export const pageNotes = (threads: readonly NoteThread[]) => threads.filter((t) => t.page);

/** The count the margin and the list show: every note but deleted ones. */
export const noteTotal = (threads: NoteThread[]) => threads.filter((t) => t.status !== "deleted").length;

/** The thread holding a note or reply. */
export function findThread(threads: NoteThread[], id: string): NoteThread | undefined {
  const contains = (t: NoteThread): boolean => t.id === id || t.replies.some(contains);
  return threads.find(contains);
}

/** The top-level child of the article body that holds a text offset (a panel goes after it). */
export function blockAfter(article: ArticleText, span: TextSpan): Element | null {
  let element = article.map.toDom(span.start, "start")?.node.parentElement ?? null;
  while (element && element.parentElement !== article.body) element = element.parentElement;
  return element;
}

/** Notes in text order, grouped by identical passages (the margin shows one count per group). */
export function groupByPassage(anchored: readonly NoteThread[], spans: Map<string, TextSpan>): PassageGroup[] {
  const out: PassageGroup[] = [];
  for (const t of anchored) {
    const span = spans.get(t.id);
    if (!span) continue;
    const key = `${span.start}-${span.end}`;
    const last = out.at(-1);
    if (last?.key === key) last.threads.push(t);
    else out.push({ key, span, threads: [t] });
  }
  return out;
}
