import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleSource } from "./parse-article-source";
import {
  blocksFromElement,
  type DomNodeLike,
  joinBlockTexts,
  normalizeBlockText,
  plainTextFromElement,
} from "./plain-text";
import { renderArticle } from "./render-article";

// No DOM library is installed: a fake tree with just the Node members plainTextFromElement reads.
type FakeNode = DomNodeLike & { childNodes: FakeNode[] };

const textNode = (value: string): FakeNode => ({ nodeType: 3, nodeValue: value, childNodes: [] });
const elementNode = (attributes: Record<string, string>, childNodes: FakeNode[] = []): FakeNode => ({
  nodeType: 1,
  nodeValue: null,
  childNodes,
  getAttribute: (name) => attributes[name] ?? null,
});

const VOID_ELEMENTS = new Set(["br", "hr", "img", "input", "wbr"]);
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|nbsp);/gi, (_, name: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0" };
    if (name[0] !== "#") return named[name.toLowerCase()];
    return String.fromCodePoint(
      name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
    );
  });

// Enough of an HTML parser for the well-formed markup rehype-stringify writes.
function parseHtml(html: string): FakeNode {
  const root = elementNode({});
  const stack = [root];
  const token = /<\/([a-z][a-z0-9]*)\s*>|<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*\/?>|([^<]+)|(<)/gi;
  for (const [, close, open, attributeText, text, lone] of html.matchAll(token)) {
    const parent = stack[stack.length - 1];
    if (text !== undefined || lone !== undefined) {
      parent.childNodes.push(textNode(decodeEntities(text ?? lone)));
    } else if (close !== undefined) {
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, name, value] of attributeText.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/gi)) {
        attributes[name.toLowerCase()] = decodeEntities(value ?? "");
      }
      const element = elementNode(attributes);
      parent.childNodes.push(element);
      if (!VOID_ELEMENTS.has(open.toLowerCase())) stack.push(element);
    }
  }
  return root;
}

const seedBody = parseArticleSource(
  readFileSync(new URL("../../../shared/content/seed-article.md", import.meta.url), "utf8"),
).body;

describe("normalizeBlockText", () => {
  it("collapses every run of white space to one space and trims", () => {
    expect(normalizeBlockText("  a\n\tb \u00a0 c\r\n")).toBe("a b c");
    expect(normalizeBlockText(" \n\t ")).toBe("");
  });

  it("changes nothing else", () => {
    const text = `“Curly” 'straight' -- 😀 👩🏽‍💻 e\u0301 𝒳 <tag> &amp;`;
    expect(normalizeBlockText(text)).toBe(text);
  });
});

describe("joinBlockTexts", () => {
  it("joins block texts with a newline", () => {
    expect(joinBlockTexts(["a", "b c", "d"])).toBe("a\nb c\nd");
    expect(joinBlockTexts([])).toBe("");
  });
});

describe("plainTextFromElement", () => {
  it("reads the seed article's HTML exactly as renderArticle's text", () => {
    const rendered = renderArticle(seedBody);
    const root = parseHtml(rendered.html);
    expect(plainTextFromElement(root)).toBe(rendered.text);
    expect(blocksFromElement(root)).toEqual(rendered.blocks);
  });

  it("agrees with renderArticle on nested blocks, code, breaks and entities", () => {
    const markdown = [
      "# Heading with `code` & &lt;angle&gt; brackets, 1 < 2 <b>raw</b>",
      "> quote one\n>\n> - listed in a quote\n> - another\n>\n> quote two",
      "- tight item\n  - nested *item*\n    continued\n- last",
      "1. loose\n\n   second paragraph\n\n2. item\n\n   > quoted in item",
      "```\n  indented  code\n\n  with   gaps\n```",
      "    indented code block",
      'hard  \nbreak and soft\nbreak, [a link](https://example.org "title") and 😀 e\u0301',
      "<p>raw html dropped</p>",
      "![image only](x.png)",
    ].join("\n\n");
    const rendered = renderArticle(markdown);
    const root = parseHtml(rendered.html);
    expect(blocksFromElement(root)).toEqual(rendered.blocks);
    expect(plainTextFromElement(root)).toBe(rendered.text);
    expect(rendered.text).toContain("Heading with code & <angle> brackets, 1 < 2 raw");
    expect(rendered.html).toContain("&#x3C;angle>");
  });

  it("agrees with renderArticle on footnotes, tables and images (the Notes heading and back links are no text)", () => {
    const markdown = [
      "Due diligence.[^1] Later awards.[^note] ~~struck~~",
      "| Case | Year |\n|---|---:|\n| Corfu *Channel* | 1949 |",
      "![A map](/media/0123456789abcdef-1600x900.png) and ![remote](https://example.org/x.png)",
      "[^1]: Corfu Channel [1949] ICJ Rep 4.",
      "[^note]: Trail Smelter.\n\n    A second paragraph of the note.",
    ].join("\n\n");
    const rendered = renderArticle(markdown);
    const root = parseHtml(rendered.html);
    expect(blocksFromElement(root)).toEqual(rendered.blocks);
    expect(rendered.text.split("\n")).toEqual([
      "Due diligence.1 Later awards.2 struck",
      "Case",
      "Year",
      "Corfu Channel",
      "1949",
      "and remote",
      "Corfu Channel [1949] ICJ Rep 4.",
      "Trail Smelter.",
      "A second paragraph of the note.",
    ]);
  });

  it("leaves out the text of nested blocks and text outside any block", () => {
    const root = elementNode({}, [
      textNode("ignored "),
      elementNode({ "data-block-id": "b1" }, [
        textNode(" outer\n"),
        elementNode({}, [textNode(" inline ")]),
        elementNode({ "data-block-id": "b2" }, [textNode("inner")]),
        textNode(" tail "),
      ]),
    ]);
    expect(blocksFromElement(root)).toEqual([
      { id: "b1", text: "outer inline tail" },
      { id: "b2", text: "inner" },
    ]);
    expect(plainTextFromElement(root)).toBe("outer inline tail\ninner");
  });

  it("treats a block element passed as the root as a block", () => {
    expect(plainTextFromElement(elementNode({ "data-block-id": "b1" }, [textNode(" only ")]))).toBe("only");
  });
});
