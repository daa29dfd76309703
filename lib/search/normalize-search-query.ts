import { highlightEnd, highlightStart } from "./highlight-segments";

export const maxQueryLength = 200;
export const maxQueryTerms = 32;

// What reaches websearch_to_tsquery: text only, no control characters (NUL breaks PostgreSQL),
// none of our highlight sentinels, no HTML tags (the indexed text has none: to_tsvector skips
// them, while the query parser would read "<b>" as the word "b"), white space collapsed, at most
// 200 code points, no word twice.
export function normalizeSearchQuery(raw: unknown): string {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== "string") return "";
  const cleaned = text
    .replace(/[\p{Cc}\p{Cs}\p{Co}]/gu, " ")
    .replace(new RegExp(`[${highlightStart}${highlightEnd}]`, "g"), " ");
  const collapsed = cleaned
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return distinctTerms(Array.from(collapsed).slice(0, maxQueryLength).join("").trim());
}

// A word repeated adds nothing to the search but work (each copy is ranked and highlighted):
// keep the first of each word outside quotes ("or" is an operator, not a word), and at most 32 terms.
function distinctTerms(query: string): string {
  const seen = new Set<string>();
  const terms = (query.match(/"[^"]*"?|[^\s"]+/g) ?? []).filter((term) => {
    const key = term.toLowerCase();
    if (term.startsWith('"') || key === "or") return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return terms.slice(0, maxQueryTerms).join(" ");
}
