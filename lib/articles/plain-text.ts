// The one definition of an article's plain text, shared by the server (renderArticle) and the
// browser (plainTextFromElement): annotation positions count code points in this string, so
// both sides must produce it byte for byte.

const WHITE_SPACE_RUN = /\s+/g;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export const BLOCK_ID_ATTRIBUTE = "data-block-id";

export type TextBlock = { id: string; text: string };

/** The subset of the DOM `Node` interface that reading block texts needs. */
export interface DomNodeLike {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNodeLike>;
  getAttribute?(name: string): string | null;
}

/** Collapses every run of white space to one space and trims: text exactly as written otherwise. */
export function normalizeBlockText(text: string): string {
  return text.replace(WHITE_SPACE_RUN, " ").trim();
}

export function joinBlockTexts(texts: readonly string[]): string {
  return texts.join("\n");
}

/**
 * Reads the `[data-block-id]` elements under `root` in document order; each block's text is its
 * own text, i.e. without the text of nested `[data-block-id]` elements.
 */
export function blocksFromElement(root: DomNodeLike): TextBlock[] {
  const blocks: { id: string; parts: string[] }[] = [];

  const visit = (node: DomNodeLike, parts: string[] | null): void => {
    const children = node.childNodes;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      if (child.nodeType === TEXT_NODE) {
        if (parts && child.nodeValue) parts.push(child.nodeValue);
      } else if (child.nodeType === ELEMENT_NODE) {
        const id = child.getAttribute?.(BLOCK_ID_ATTRIBUTE) ?? null;
        if (id === null) {
          visit(child, parts);
        } else {
          const block = { id, parts: [] as string[] };
          blocks.push(block);
          visit(child, block.parts);
        }
      }
    }
  };

  const rootId = root.nodeType === ELEMENT_NODE ? (root.getAttribute?.(BLOCK_ID_ATTRIBUTE) ?? null) : null;
  if (rootId === null) {
    visit(root, null);
  } else {
    const block = { id: rootId, parts: [] as string[] };
    blocks.push(block);
    visit(root, block.parts);
  }

  return blocks.map((block) => ({ id: block.id, text: normalizeBlockText(block.parts.join("")) }));
}

/** The article's plain text as the browser sees it; equals renderArticle(...).text for its HTML. */
export function plainTextFromElement(root: DomNodeLike): string {
  return joinBlockTexts(blocksFromElement(root).map((block) => block.text));
}
