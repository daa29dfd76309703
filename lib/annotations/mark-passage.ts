import type { Element, ElementContent, Root, Text } from "hast";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

export type MarkedPassage = { id: string; exact: string; prefix?: string | null; blockId?: string | null };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// data-block-id (lib/articles/plain-text.ts), as hast names it.
const blockIdOf = (el: Element) => {
  const v = el.properties?.dataBlockId;
  return typeof v === "string" ? v : null;
};

/** The text nodes of a block (without nested blocks), in document order, with their parents. */
function ownTexts(block: Element) {
  const out: { node: Text; parent: Element }[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type === "text") out.push({ node: child, parent: el });
      else if (child.type === "element" && blockIdOf(child) === null) visit(child);
    }
  };
  visit(block);
  return out;
}

function blocksIn(root: Root): Element[] {
  const out: Element[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (blockIdOf(child) !== null) out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** Where `exact` is in `text` (white space runs match any white space), preferring the occurrence after `prefix`. */
function locate(text: string, exact: string, prefix: string | null | undefined): [number, number] | null {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join("\\s+"), "g");
  const found: [number, number][] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push([m.index, m.index + m[0].length]);
  if (!found.length) return null;
  const tail = (prefix ?? "").replace(/\s+/g, " ").trim().slice(-16);
  const before = (at: number) => text.slice(0, at).replace(/\s+/g, " ").trim();
  return (tail && found.find(([a]) => before(a).endsWith(tail))) || found[0];
}

/** Wraps [start, end) of the block's own text in <mark>s (one per text node); the first carries the id, if any. */
function wrap(block: Element, start: number, end: number, id: string | null) {
  let offset = 0;
  let first = id !== null;
  for (const { node, parent } of ownTexts(block)) {
    const from = offset;
    const to = offset + node.value.length;
    offset = to;
    if (to <= start || from >= end) continue;
    const a = Math.max(start, from) - from;
    const b = Math.min(end, to) - from;
    const parts: ElementContent[] = [];
    if (a > 0) parts.push({ type: "text", value: node.value.slice(0, a) });
    parts.push({
      type: "element",
      tagName: "mark",
      properties: first && id !== null ? { id, className: ["gloss-passage"] } : { className: ["gloss-passage"] },
      children: [{ type: "text", value: node.value.slice(a, b) }],
    });
    if (b < node.value.length) parts.push({ type: "text", value: node.value.slice(b) });
    parent.children.splice(parent.children.indexOf(node), 1, ...parts);
    first = false;
  }
}

/**
 * The article's HTML with one note's passage marked (`<mark id="passage-<note>">`), for the notes
 * list's "Show in text" link without JavaScript (`?note=<id>#passage-<id>`). The passage is looked
 * up by its quote in its block (any block when it has none); found nowhere, the block itself gets
 * the id, and without a block either the HTML is returned unchanged. The text is not changed, so
 * the browser's anchoring reads the same plain text.
 */
export function markPassage(html: string, passage: MarkedPassage): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const id = `passage-${passage.id}`;
  const blocks = blocksIn(tree);
  const home = passage.blockId ? blocks.find((b) => blockIdOf(b) === passage.blockId) : undefined;
  let marked = false;
  for (const block of home ? [home, ...blocks.filter((b) => b !== home)] : blocks) {
    const text = ownTexts(block)
      .map((t) => t.node.value)
      .join("");
    const at = locate(text, passage.exact, passage.prefix);
    if (!at) continue;
    wrap(block, at[0], at[1], id);
    marked = true;
    break;
  }
  if (!marked && home) home.properties = { ...home.properties, id };
  else if (!marked) return html;
  return unified().use(rehypeStringify).stringify(tree);
}

/** One block's share of a passage that spans several blocks. */
export type PassagePart = { blockId: string; exact: string; prefix?: string | null };

/**
 * The article's HTML with a passage over one or more blocks marked: each part in its own block,
 * one `<mark>` per text node so no mark crosses an element boundary; only the first mark carries
 * `id` (the link's scroll target). Parts not found in their block are left unmarked; when none is
 * found the HTML is returned unchanged.
 */
export function markPassageParts(html: string, id: string, parts: readonly PassagePart[]): string {
  if (!parts.length) return html;
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const blocks = new Map(blocksIn(tree).map((b) => [blockIdOf(b), b]));
  let marked = false;
  for (const part of parts) {
    const block = blocks.get(part.blockId);
    if (!block) continue;
    const text = ownTexts(block)
      .map((t) => t.node.value)
      .join("");
    const at = locate(text, part.exact, part.prefix);
    if (!at) continue;
    wrap(block, at[0], at[1], marked ? null : id);
    marked = true;
  }
  return marked ? unified().use(rehypeStringify).stringify(tree) : html;
}
