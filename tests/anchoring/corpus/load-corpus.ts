// Node-only measurement code (the corpus test and scripts/bench-anchoring.mjs); the app never
// imports it. Reads ../shared/corpora/revisions: pairs of revisions with quotes and outcomes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderArticle } from "@/lib/articles/render-article";
import { createCodePointIndex } from "@/lib/anchoring/code-points";
import type { AnchorBlock } from "@/lib/anchoring/types";

export type Expectation = "anchored" | "orphaned" | "anchored_or_orphaned";

export type CorpusQuote = {
  id: string;
  exact: string;
  /** The corpus's own context (same line, cut at markup), and the quote's place in the old text. */
  prefix: string;
  suffix: string;
  oldStart: number;
  oldEnd: number;
  must: Expectation;
  /** Where it must land in the new text (code points), when it may land at all. */
  near: { start: number; end: number } | null;
};

export type CorpusPair = {
  file: string;
  oldText: string;
  newText: string;
  /** Both revisions' blocks, the new ones with ids kept from the old (as the server renders). */
  oldBlocks: AnchorBlock[];
  newBlocks: AnchorBlock[];
  quotes: CorpusQuote[];
};

type RawAnnotation = { id: string; exact: string; prefix: string; suffix: string; expect: { must: Expectation; near?: string } };

// The plain text collapses white space runs; the corpus copies one quote from Markdown with a
// double space, so quotes and `near` get the same collapsing.
const collapse = (text: string) => text.replace(/\s+/g, " ");

/** The corpus directory as seen from the repository root. */
export function defaultCorpusDir(repoRoot: string): string {
  return path.resolve(repoRoot, "../shared/corpora/revisions");
}

/**
 * Loads every pair (index.json excepted), renders both bodies to plain text with renderArticle,
 * and locates each quote: in the old text by prefix + exact + suffix (unique for every quote),
 * and `near` in the new text (it occurs exactly once there). Offsets are code points.
 */
export function loadCorpus(dir: string): CorpusPair[] {
  const files = readdirSync(dir).filter((file) => file.endsWith(".json") && file !== "index.json").sort();
  return files.map((file) => {
    const raw = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    const oldArticle = renderArticle(raw.old_body);
    const newArticle = renderArticle(raw.new_body, oldArticle.blocks);
    const [oldText, newText] = [oldArticle.text, newArticle.text];
    const oldIndex = createCodePointIndex(oldText);
    const newIndex = createCodePointIndex(newText);
    const quotes = (raw.annotations as RawAnnotation[]).map((annotation): CorpusQuote => {
      const [exact, prefix, suffix] = [annotation.exact, annotation.prefix, annotation.suffix].map(collapse);
      const found = oldText.indexOf(prefix + exact + suffix);
      if (found === -1) throw new Error(`${file} ${annotation.id}: quote not in the old text`);
      const start = found + prefix.length;
      const near = annotation.expect.near === undefined ? null : locateNear(newText, collapse(annotation.expect.near), file, annotation.id);
      return {
        id: annotation.id,
        exact,
        prefix,
        suffix,
        oldStart: oldIndex.toCodePoint(start),
        oldEnd: oldIndex.toCodePoint(start + exact.length),
        must: annotation.expect.must,
        near: near && { start: newIndex.toCodePoint(near.start), end: newIndex.toCodePoint(near.end) },
      };
    });
    return { file, oldText, newText, oldBlocks: oldArticle.blocks, newBlocks: newArticle.blocks, quotes };
  });
}

function locateNear(newText: string, near: string, file: string, id: string) {
  const start = newText.indexOf(near);
  if (start === -1 || newText.indexOf(near, start + 1) !== -1) {
    throw new Error(`${file} ${id}: "near" must occur exactly once in the new text`);
  }
  return { start, end: start + near.length };
}
