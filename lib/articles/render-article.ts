import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { type Plugin, unified } from "unified";
import { responsiveMedia } from "@/lib/media/media-url";
import { joinBlockTexts, normalizeBlockText, type TextBlock } from "./plain-text";

export type RenderedArticle = {
  html: string;
  blocks: TextBlock[];
  text: string;
  wordCount: number;
  readingMinutes: number;
};

// Table cells are blocks too, so a reader can annotate a cell like any other passage.
const BLOCK_TAGS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "th", "td"];
const BLOCK_TAG_SET = new Set(BLOCK_TAGS);
const WORDS_PER_MINUTE = 220;
const SIMILAR_ENOUGH = 0.5;
const SIMILARITY_WINDOW = 50;
const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 6;

// What an article body may contain; everything else is unwrapped (or dropped when empty).
// Footnotes (GFM) arrive as a `sup > a[data-footnote-ref]` per reference and one
// `section[data-footnotes]` after the body; their ids always start with `user-content-fn`.
const footnoteId = /^user-content-fn(ref)?-[\w-]+$/;
export const articleSanitizeSchema: SanitizeSchema = {
  tagNames: [
    ...BLOCK_TAGS,
    "em",
    "strong",
    "del",
    "a",
    "ul",
    "ol",
    "code",
    "hr",
    "br",
    "sup",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "img",
  ],
  attributes: {
    ...Object.fromEntries(BLOCK_TAGS.map((tag) => [tag, ["dataBlockId"]])),
    a: ["href", "title", ["id", footnoteId], "dataFootnoteRef", "dataFootnoteBackref", "ariaLabel", "ariaDescribedBy"],
    li: ["dataBlockId", ["id", footnoteId]],
    h2: ["dataBlockId", ["id", "footnote-label"]],
    th: ["dataBlockId", ["align", "left", "center", "right"]],
    td: ["dataBlockId", ["align", "left", "center", "right"]],
    section: ["dataFootnotes"],
    ol: ["start"],
    img: ["src", "alt", "title"],
    code: [["className", /^language-[\w-]+$/]],
  },
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"] },
  ancestors: { li: ["ol", "ul"] },
  clobber: [],
  strip: ["script", "style"],
};

// The page owns the only h1, so a `#` heading in the body becomes an h2.
const demoteTopHeadings: Plugin<[], Root> = () => (tree) => {
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "h1") child.tagName = "h2";
      visit(child);
    }
  };
  visit(tree);
};

// After sanitizing: what the page adds around safe content — footnotes read as "Notes" (the heading
// is no text block: annotations count only the notes), a table scrolls inside its own box, an
// uploaded image gets its size and responsive sources.
const presentBody: Plugin<[], Root> = () => (tree) => {
  const visit = (node: Root | Element): void => {
    node.children.forEach((child, index) => {
      if (child.type !== "element") return;
      if (child.tagName === "section" && child.properties.dataFootnotes !== undefined) {
        child.properties.ariaLabelledBy = ["footnote-label"];
        child.properties.className = ["footnotes"];
        for (const part of child.children) {
          if (part.type === "element" && part.tagName === "h2") {
            part.properties = { id: "footnote-label", dataNotText: "" };
            part.children = [{ type: "text", value: "Notes" }];
          }
        }
      }
      if (child.tagName === "a" && child.properties.dataFootnoteBackref !== undefined)
        child.properties.className = ["footnote-backref"];
      if (child.tagName === "table") {
        node.children[index] = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: "Table" },
          children: [child],
        };
      }
      if (child.tagName === "img") {
        const src = String(child.properties.src ?? "");
        // Only uploaded images (/media/…) show. Another site's image would not load (the CSP allows
        // this site's images only) and would tell that site who reads the article: any other image
        // becomes a link with its description.
        if (!responsiveMedia(src)) {
          node.children[index] = {
            type: "element",
            tagName: "a",
            properties: { href: src },
            children: [{ type: "text", value: String(child.properties.alt || src) }],
          };
          return;
        }
        Object.assign(child.properties, responsiveMedia(src), { loading: "lazy", decoding: "async" });
      }
      visit(child);
    });
  };
  visit(tree);
};

const markdownToHast = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // A backref's arrow is drawn by CSS: a footnote's text is exactly what its author wrote.
  .use(remarkRehype, {
    allowDangerousHtml: false,
    footnoteLabel: "Notes",
    footnoteLabelTagName: "h2",
    footnoteBackContent: () => [],
    footnoteBackLabel: (n: number) => `Back to reference ${n + 1}`,
  })
  .use(demoteTopHeadings)
  .use(rehypeSanitize, articleSanitizeSchema)
  .use(presentBody)
  .freeze();

const hastToHtml = unified().use(rehypeStringify).freeze();

/** Renders a Markdown body to safe HTML whose blocks carry stable `data-block-id`s. */
export function renderArticle(markdown: string, previous?: readonly TextBlock[]): RenderedArticle {
  const tree = markdownToHast.runSync(markdownToHast.parse(markdown));
  const found = collectBlocks(tree);
  const texts = found.map((block) => block.text);
  const ids = matchBlockIds(previous ?? [], texts);
  found.forEach((block, index) => {
    block.element.properties.dataBlockId = ids[index];
  });

  const text = joinBlockTexts(texts);
  const wordCount = text.match(/\S+/g)?.length ?? 0;
  return {
    html: hastToHtml.stringify(tree),
    blocks: found.map((block, index) => ({ id: ids[index], text: block.text })),
    text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}

// A block is a block-level element with non-blank own text (text outside nested blocks);
// a blank one's white space stays with its enclosing block, exactly as the browser reads it.
function collectBlocks(tree: Root): { element: Element; text: string }[] {
  const found: ({ element: Element; text: string } | null)[] = [];
  const visit = (children: readonly (RootContent | ElementContent)[], parts: string[]): void => {
    for (const child of children) {
      if (child.type === "text") {
        parts.push(child.value);
      } else if (child.type === "element") {
        if (child.properties.dataNotText !== undefined) continue; // the "Notes" heading
        if (!BLOCK_TAG_SET.has(child.tagName)) {
          visit(child.children, parts);
          continue;
        }
        const slot = found.length;
        found.push(null);
        const own: string[] = [];
        visit(child.children, own);
        const text = normalizeBlockText(own.join(""));
        if (text) found[slot] = { element: child, text };
        else for (const part of own) parts.push(part);
      }
    }
  };
  visit(tree.children, []);
  return found.filter((block) => block !== null);
}

/**
 * Ids for the blocks of a new revision: identical texts in order keep their ids (longest common
 * subsequence), then identical texts that moved, then edited blocks that sit between the same
 * kept neighbours and are similar enough (word-bigram Dice). Everything else gets a fresh id.
 */
export function matchBlockIds(previous: readonly TextBlock[], newTexts: readonly string[]): string[] {
  const oldTexts = previous.map((block) => block.text);
  const newToOld = new Array<number>(newTexts.length).fill(-1);
  const oldMatched = new Array<boolean>(oldTexts.length).fill(false);
  const pair = (oldIndex: number, newIndex: number) => {
    newToOld[newIndex] = oldIndex;
    oldMatched[oldIndex] = true;
  };

  const anchors = commonSubsequence(oldTexts, newTexts);
  for (const [oldIndex, newIndex] of anchors) pair(oldIndex, newIndex);

  const movedByText = indexesByText(oldTexts, (oldIndex) => !oldMatched[oldIndex]);
  newTexts.forEach((text, newIndex) => {
    const oldIndex = newToOld[newIndex] === -1 ? movedByText.get(text)?.shift() : undefined;
    if (oldIndex !== undefined) pair(oldIndex, newIndex);
  });

  const bounds = [[-1, -1], ...anchors, [oldTexts.length, newTexts.length]];
  for (let gap = 1; gap < bounds.length; gap++) {
    const [oldStart, newStart] = bounds[gap - 1];
    const [oldEnd, newEnd] = bounds[gap];
    const olds = range(oldStart + 1, oldEnd).filter((oldIndex) => !oldMatched[oldIndex]);
    const news = range(newStart + 1, newEnd).filter((newIndex) => newToOld[newIndex] === -1);
    for (const [oldIndex, newIndex] of pairSimilar(olds, news, oldTexts, newTexts)) pair(oldIndex, newIndex);
  }

  // Every previous id is taken: a new block never inherits the id of a deleted one.
  const taken = new Set(previous.map((block) => block.id));
  const kept = new Set<string>();
  const ids = newToOld.map((oldIndex) => {
    const id = oldIndex === -1 ? undefined : previous[oldIndex].id;
    if (id === undefined || kept.has(id)) return null;
    kept.add(id);
    return id;
  });
  return ids.map((id) => id ?? freshBlockId(taken));
}

// Hunt–Szymanski: O((r + n) log n) for r pairs of equal texts, small since texts rarely repeat.
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  type Link = { a: number; b: number; previous: Link | null };
  const positions = indexesByText(a, () => true);
  const thresholds: number[] = [];
  const links: Link[] = [];
  b.forEach((text, bIndex) => {
    const aIndexes = positions.get(text) ?? [];
    for (let x = aIndexes.length - 1; x >= 0; x--) {
      const aIndex = aIndexes[x];
      let low = 0;
      let high = thresholds.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (thresholds[middle] < aIndex) low = middle + 1;
        else high = middle;
      }
      if (thresholds[low] === aIndex) continue; // keep the earlier pairing of equal texts
      thresholds[low] = aIndex;
      links[low] = { a: aIndex, b: bIndex, previous: low > 0 ? links[low - 1] : null };
    }
  });
  const result: [number, number][] = [];
  for (let link: Link | null = links[thresholds.length - 1] ?? null; link; link = link.previous) {
    result.push([link.a, link.b]);
  }
  return result.reverse();
}

function pairSimilar(
  olds: number[],
  news: number[],
  oldTexts: readonly string[],
  newTexts: readonly string[],
): [number, number][] {
  if (olds.length === 0 || news.length === 0) return [];
  const oldGrams = olds.map((index) => wordBigrams(oldTexts[index]));
  const newGrams = news.map((index) => wordBigrams(newTexts[index]));
  const candidates: { o: number; n: number; score: number; distance: number }[] = [];
  // A huge gap (a rewrite) only compares blocks near the same position, to stay fast.
  const window = SIMILARITY_WINDOW + Math.abs(olds.length - news.length);
  oldGrams.forEach((oldGram, o) => {
    newGrams.forEach((newGram, n) => {
      if (Math.abs(o - n) > window) return;
      const score = dice(oldGram, newGram);
      if (score >= SIMILAR_ENOUGH) candidates.push({ o, n, score, distance: Math.abs(o - n) });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { o, n } of candidates) {
    if (usedOld.has(o) || usedNew.has(n)) continue;
    usedOld.add(o);
    usedNew.add(n);
    pairs.push([olds[o], news[n]]);
  }
  return pairs;
}

type Bigrams = { counts: Map<string, number>; size: number };

function wordBigrams(text: string): Bigrams {
  const words = ["\u0002", ...text.toLowerCase().split(/\s+/).filter(Boolean), "\u0003"];
  const counts = new Map<string, number>();
  for (let index = 1; index < words.length; index++) {
    const bigram = `${words[index - 1]} ${words[index]}`;
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return { counts, size: words.length - 1 };
}

function dice(a: Bigrams, b: Bigrams): number {
  // Cheap bound first: two texts of very different lengths can never be similar enough.
  if ((2 * Math.min(a.size, b.size)) / (a.size + b.size) < SIMILAR_ENOUGH) return 0;
  let shared = 0;
  for (const [bigram, count] of a.counts) shared += Math.min(count, b.counts.get(bigram) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

function indexesByText(texts: readonly string[], include: (index: number) => boolean) {
  const byText = new Map<string, number[]>();
  texts.forEach((text, index) => {
    if (!include(index)) return;
    const indexes = byText.get(text);
    if (indexes) indexes.push(index);
    else byText.set(text, [index]);
  });
  return byText;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}

function freshBlockId(taken: Set<string>): string {
  const bytes = new Uint8Array(16);
  for (;;) {
    globalThis.crypto.getRandomValues(bytes);
    let id = "b";
    // 252 = 7 × 36: rejecting larger bytes keeps every character equally likely.
    for (const byte of bytes) if (byte < 252 && id.length <= ID_LENGTH) id += ID_ALPHABET[byte % 36];
    if (id.length === ID_LENGTH + 1 && !taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
