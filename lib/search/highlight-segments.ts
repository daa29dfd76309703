// ts_headline marks matches with these private-use characters (never in stored text: the search
// strips them from what it highlights), so the page can render the marks as <mark> elements while
// React escapes every piece of text itself: no HTML from the database reaches the page.
export const highlightStart = "\uE000";
export const highlightEnd = "\uE001";

/** Between two blocks of a snippet: the text's line breaks (one per block) would read as a space. */
export const blockSeparator = " · ";

export type Segment = { text: string; marked: boolean };

/** Splits a headline into plain and marked runs; a stray or unbalanced sentinel is dropped. */
export function highlightSegments(headline: string): Segment[] {
  const segments: Segment[] = [];
  let marked = false;
  let buffer = "";
  const flush = () => {
    if (buffer) segments.push({ text: buffer, marked });
    buffer = "";
  };
  for (const ch of headline) {
    if (ch === highlightStart && !marked) {
      flush();
      marked = true;
    } else if (ch === highlightEnd && marked) {
      flush();
      marked = false;
    } else if (ch !== highlightStart && ch !== highlightEnd) buffer += ch;
  }
  flush();
  // Adjacent runs of the same kind (e.g. around a dropped sentinel) read better as one.
  return segments.reduce<Segment[]>((out, s) => {
    const last = out.at(-1);
    if (last && last.marked === s.marked) last.text += s.text;
    else out.push({ ...s });
    return out;
  }, []);
}

/**
 * A snippet headline with "…" where it starts after the beginning of its text or stops before
 * the end (`opening`/`ending`: the text's first and last characters).
 */
export function snippetSegments(rawHeadline: string, rawOpening: string, rawEnding: string): Segment[] {
  // A fragment may begin or end at a block boundary: no separator at its edges.
  const headline = separateBlocks(rawHeadline)
    .replace(/^[\s·]+|[\s·]+$/g, "")
    .replace(/[\s·]*\s…\s[\s·]*/g, " … ");
  const opening = separateBlocks(rawOpening);
  const ending = separateBlocks(rawEnding);
  const plainText = headline.replaceAll(highlightStart, "").replaceAll(highlightEnd, "").trim();
  if (!plainText) return [];
  const probe = Math.min(20, plainText.length);
  const startsThere = plainText.startsWith(opening.trim().slice(0, probe));
  const endsThere = plainText.endsWith(ending.trim().slice(-probe));
  return highlightSegments(`${startsThere ? "" : "… "}${headline.trim()}${endsThere ? "" : " …"}`);
}

const separateBlocks = (text: string) => text.replace(/[ \t]*\n\s*/g, blockSeparator);
