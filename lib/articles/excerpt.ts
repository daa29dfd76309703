// Excerpts for the home page, the archives and the feeds: the first block, cut after `words` words.

// A sentence's end: . ! ? (or …), possibly inside closing quotes or brackets.
const sentenceEnd = /[.!?…]["'”’)\]]*$/u;
// Punctuation that reads badly before "…" (a comma, a colon, a dash…): dropped at a cut.
const dangling = /[\s,;:\-–—/(\[“‘"']+$/u;

/** The text cut at a word boundary, marked "…" unless the cut falls at the end of a sentence. */
export function excerptOf(text: string, words = 45): string {
  const list = text.split(" ");
  if (list.length <= words) return text;
  return endCut(list.slice(0, words).join(" "));
}

function endCut(cut: string): string {
  const trimmed = cut.trimEnd();
  if (sentenceEnd.test(trimmed)) return trimmed;
  const bare = trimmed.replace(dangling, "");
  return bare ? `${bare}…` : "…";
}

/**
 * A stored excerpt as readers see it: excerpts cut before this rule ("…websites.…") lose the
 * ellipsis after a sentence's end (or a stray one after other punctuation).
 */
export function tidyExcerpt(excerpt: string): string {
  if (!excerpt.endsWith("…")) return excerpt;
  const before = excerpt.slice(0, -1).trimEnd();
  if (sentenceEnd.test(before)) return before;
  const bare = before.replace(dangling, "");
  return bare === before ? excerpt : `${bare}…`;
}
