import { db } from "@/lib/db";

export type PreparedQuery = {
  /** websearch_to_tsquery('english', q) as tsquery text: what a result must match. */
  exact: string;
  /** The same with phrase operators loosened to AND: answered by the GIN index alone (no recheck). */
  loose: string;
  hasPhrase: boolean;
  /** Lower-case beginnings of its words, to find where a long text first matches (for the snippet). */
  prefixes: string[];
};

// Phrase operators (<->, <2>) outside the quoted lexemes of a tsquery's text form.
const lexemeOrPhrase = /'(?:[^']|'')*'|<(?:\d+|-)>/g;

/** The exact query as AND of its words: every phrase match is an AND match, found without rechecks. */
export function loosenPhrases(tsquery: string): { loose: string; hasPhrase: boolean } {
  let hasPhrase = false;
  const loose = tsquery.replace(lexemeOrPhrase, (token) => (token.startsWith("'") ? token : ((hasPhrase = true), "&")));
  // A negated phrase loosened would exclude more than it should: keep such a query as it is.
  if (hasPhrase && /!\s*\(/.test(tsquery.replace(/'(?:[^']|'')*'/g, "''"))) return { loose: tsquery, hasPhrase };
  return { loose, hasPhrase };
}

/**
 * Where a word of the query may start in the original text: its lexeme, minus the y→i of the
 * English stemmer ("sovereignty" → "sovereignti" → "sovereignt"). Only places the snippet window.
 */
export function lexemePrefixes(tsquery: string): string[] {
  const words = [...tsquery.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'").toLowerCase());
  return [...new Set(words.map((w) => (w.length > 3 && w.endsWith("i") ? w.slice(0, -1) : w)).filter(Boolean))].slice(
    0,
    16,
  );
}

/**
 * Parses a normalized query with websearch_to_tsquery (which accepts any text: quotes, or, -word);
 * null when it has no word to look up (only stop words, or only negations, which would scan all).
 */
export async function prepareTsQuery(query: string): Promise<PreparedQuery | null> {
  if (!query) return null;
  const [row] = await db.$queryRaw<{ exact: string; tree: string }[]>`
    SELECT q::text AS exact, querytree(q) AS tree FROM websearch_to_tsquery('english', ${query}) AS q`;
  if (!row || !row.exact || !row.tree || row.tree === "T") return null;
  return { exact: row.exact, ...loosenPhrases(row.exact), prefixes: lexemePrefixes(row.exact) };
}
