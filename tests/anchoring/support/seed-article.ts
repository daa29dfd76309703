// Test support (Node only): the seed article's plain text, and synthetic revisions of it made
// by editing its Markdown body and rendering it as the server does.
import { readFileSync } from "node:fs";
import { parseArticleSource } from "@/lib/articles/parse-article-source";
import { type RenderedArticle, renderArticle } from "@/lib/articles/render-article";

export const seedBody = parseArticleSource(
  readFileSync(new URL("../../../../shared/content/seed-article.md", import.meta.url), "utf8"),
).body;

export const seed: RenderedArticle = renderArticle(seedBody);

/** Replaces the one occurrence of `from` in `body` (throws unless there is exactly one). */
export function edit(body: string, from: string, to: string): string {
  const at = body.indexOf(from);
  if (at === -1 || body.indexOf(from, at + 1) !== -1) throw new Error(`"${from}" must occur once in the body`);
  return body.slice(0, at) + to + body.slice(at + from.length);
}

/** The seed body with the given edits applied in order, rendered to its plain text. */
export function revise(...edits: [from: string, to: string][]): RenderedArticle {
  return renderArticle(
    edits.reduce((body, [from, to]) => edit(body, from, to), seedBody),
    seed.blocks,
  );
}

/** Code point range of the one occurrence of `quote` in `text`. */
export function rangeOf(text: string, quote: string): { start: number; end: number } {
  const at = text.indexOf(quote);
  if (at === -1 || text.indexOf(quote, at + 1) !== -1) throw new Error(`"${quote}" must occur once in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(quote).length };
}

/** Code point range of the `nth` (0-based) occurrence of `quote` in `text`. */
export function nthRangeOf(text: string, quote: string, nth: number): { start: number; end: number } {
  let at = -1;
  for (let count = 0; count <= nth; count++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`"${quote}" occurs fewer than ${nth + 1} times`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(quote).length };
}

/** The text between two code point offsets. */
export function slicePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join("");
}
