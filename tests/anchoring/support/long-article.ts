// Test and bench support: a ~15,000-word article made of the seed body repeated with varied
// names (so most passages stay distinguishable, as in a real long article), 1,000 anchors on
// it, and a revision with the kind of edits an editor makes.

import { createCodePointIndex } from "@/lib/anchoring/code-points";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import type { StoredAnchor } from "@/lib/anchoring/types";
import { type RenderedArticle, renderArticle } from "@/lib/articles/render-article";
import { seedBody } from "./seed-article";

const NAMES: [string, string[]][] = [
  ["Iran", ["Iran", "Syria", "Libya", "Yemen", "Sudan", "Chad", "Peru", "Oman", "Mali", "Laos", "Fiji", "Cuba"]],
  [
    "Albania",
    [
      "Albania",
      "Estonia",
      "Latvia",
      "Croatia",
      "Slovenia",
      "Portugal",
      "Belgium",
      "Norway",
      "Denmark",
      "Romania",
      "Bulgaria",
      "Greece",
    ],
  ],
  [
    "NATO",
    ["NATO", "the EU", "the OSCE", "ASEAN", "the AU", "OAS", "the GCC", "NORDEFCO", "CARICOM", "SADC", "ECOWAS", "PIF"],
  ],
];

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same work. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed body `copies` times (12 ≈ 15,600 words), each copy with its own names. */
export function longArticleBody(copies = 12): string {
  const parts: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    let body = seedBody;
    for (const [name, replacements] of NAMES) body = body.split(name).join(replacements[copy % replacements.length]);
    parts.push(`## Part ${copy + 1}\n\n${body}`);
  }
  return parts.join("\n\n");
}

/** `count` anchors on whole words of `text`, 1 to 25 words long, at random places. */
export function randomAnchors(article: RenderedArticle, count: number, random = seededRandom(42)): StoredAnchor[] {
  const words = [...article.text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const index = createCodePointIndex(article.text);
  const anchors: StoredAnchor[] = [];
  while (anchors.length < count) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 25));
    // Positions are in code points: the words' offsets are UTF-16 (they differ after an emoji,
    // as in the short seed article).
    anchors.push(
      describeAnchor(
        article.text,
        index.toCodePoint(words[first].start),
        index.toCodePoint(words[last].end),
        article.blocks,
        index,
      ),
    );
  }
  return anchors;
}

/**
 * A revision of the long article: a new first paragraph (every position shifts), and in one
 * paragraph out of `every` (none when null), a word replaced and a sentence added.
 */
export function reviseLongArticle(body: string, previous: RenderedArticle, every: number | null = 20): RenderedArticle {
  const paragraphs = body.split("\n\n");
  const revised = paragraphs.map((paragraph, index) => {
    if (every === null || index % every !== 3 || paragraph.startsWith("#")) return paragraph;
    return `${paragraph.replace(" the ", " this ")} An editor added this sentence.`;
  });
  return renderArticle(["An introduction added by the editors.", ...revised].join("\n\n"), previous.blocks);
}
