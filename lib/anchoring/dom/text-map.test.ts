import { describe, expect, it } from "vitest";
import { type DomNodeLike, plainTextFromElement } from "@/lib/articles/plain-text";
import { renderArticle } from "@/lib/articles/render-article";
import { seed, seedBody } from "../../../tests/anchoring/support/seed-article";
import { createCodePointIndex } from "../code-points";
import { trimSpan } from "./dom-ranges";
import { overlapSpans, unionSpans } from "./paint-highlights";
import { collapseBoundaries, createTextMap } from "./text-map";

// No DOM library is installed: a fake tree with the Node members the text map reads.
type FakeNode = DomNodeLike & { childNodes: FakeNode[]; name?: string };
const text = (value: string): FakeNode => ({ nodeType: 3, nodeValue: value, childNodes: [] });
const el = (attributes: Record<string, string>, childNodes: FakeNode[] = []): FakeNode => ({
  nodeType: 1,
  nodeValue: null,
  childNodes,
  getAttribute: (name) => attributes[name] ?? null,
});
const block = (id: string, ...children: FakeNode[]) => el({ "data-block-id": id }, children);

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|nbsp);/gi, (_, n: string) =>
    n[0] === "#"
      ? String.fromCodePoint(n[1].toLowerCase() === "x" ? parseInt(n.slice(2), 16) : Number(n.slice(1)))
      : ({ amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0" } as Record<string, string>)[n.toLowerCase()],
  );

// Enough of an HTML parser for the well-formed markup renderArticle writes.
function parseHtml(html: string): FakeNode {
  const root = el({});
  const stack = [root];
  const token = /<\/([a-z][a-z0-9]*)\s*>|<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*\/?>|([^<]+)|(<)/gi;
  for (const [, close, open, attrs, body, lone] of html.matchAll(token)) {
    const parent = stack[stack.length - 1];
    if (body !== undefined || lone !== undefined) parent.childNodes.push(text(decode(body ?? lone)));
    else if (close !== undefined) stack.pop();
    else {
      const attributes: Record<string, string> = {};
      for (const [, name, value] of attrs.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/gi))
        attributes[name.toLowerCase()] = decode(value ?? "");
      const element = el(attributes);
      parent.childNodes.push(element);
      if (!["br", "hr", "img", "input", "wbr"].includes(open.toLowerCase())) stack.push(element);
    }
  }
  return root;
}

describe("collapseBoundaries", () => {
  it("collapses like normalizeBlockText and counts collapsed runs at their first unit", () => {
    expect(collapseBoundaries("a   b")).toEqual({ text: "a b", bounds: Uint32Array.from([0, 1, 2, 2, 2, 3]) });
    expect(collapseBoundaries("  a")).toEqual({ text: "a", bounds: Uint32Array.from([0, 0, 0, 1]) });
    expect(collapseBoundaries("a \u00a0\n")).toEqual({ text: "a", bounds: Uint32Array.from([0, 1, 1, 1, 1]) });
  });
});

describe("createTextMap", () => {
  it("reads the seed article's HTML exactly as the server's plain text", () => {
    const root = parseHtml(seed.html);
    const map = createTextMap(root);
    expect(map.text).toBe(seed.text);
    expect(map.text).toBe(plainTextFromElement(root));
    expect(map.blocks).toEqual(seed.blocks);
  });

  it("agrees with the server on nested blocks, code, breaks, entities and emoji", () => {
    const rendered = renderArticle(
      [
        "# Heading with `code` & &lt;angle&gt;",
        "> quote one\n>\n> - listed in a quote\n> - another",
        "- tight item\n  - nested *item*\n    continued\n- last",
        "```\n  indented  code\n\n  with   gaps\n```",
        "hard  \nbreak and soft\nbreak, [a link](https://example.org) and 😀 e\u0301 👩🏽‍💻 done",
      ].join("\n\n"),
    );
    const map = createTextMap(parseHtml(rendered.html));
    expect(map.text).toBe(rendered.text);
    expect(map.blocks).toEqual(rendered.blocks);
  });

  it("maps every boundary of every text node back to itself", () => {
    const map = createTextMap(parseHtml(seed.html));
    for (const { node, bounds } of map.segments) {
      for (let j = 0; j < bounds.length; j++) expect(map.fromDom(node, j)).toBe(bounds[j]);
    }
    for (let offset = 0; offset <= map.text.length; offset += 7) {
      for (const edge of ["start", "end"] as const) {
        const point = map.toDom(offset, edge)!;
        expect(map.fromDom(point.node, point.offset)).toBe(offset);
      }
    }
  });

  it("puts range starts after collapsed white space and range ends before it", () => {
    const first = text("  Hello   ");
    const em = text("big");
    const root = el({}, [
      text("\n"),
      block("a", first, el({}, [em]), text("  world ")),
      text("\n"),
      block("b", text("Next")),
    ]);
    const map = createTextMap(root);
    expect(map.text).toBe("Hello big world\nNext");
    expect(map.toDom(0, "start")).toEqual({ node: first, offset: 2 });
    expect(map.toDom(6, "start")).toEqual({ node: em, offset: 0 });
    expect(map.toDom(5, "end")).toEqual({ node: first, offset: 7 });
    expect(map.toDom(9, "end")).toEqual({ node: em, offset: 3 });
    expect(map.toDom(16, "start")!.offset).toBe(0);
    expect(map.fromDom(text("elsewhere"), 0)).toBeNull();
  });

  it("orders nested blocks after their parent block, as the plain text does", () => {
    const tail = text(" tail");
    const inner = text("inner");
    const map = createTextMap(el({}, [block("outer", text("head "), block("inner", inner), tail)]));
    expect(map.text).toBe("head tail\ninner");
    expect(map.toDom(10, "start")).toEqual({ node: inner, offset: 0 });
    expect(map.fromDom(tail, 1)).toBe(5);
  });

  it("keeps UTF-16 offsets that convert to the code points the API counts", () => {
    const emoji = text("I 😀 Gloss’s notes");
    const map = createTextMap(block("a", emoji));
    const index = createCodePointIndex(map.text);
    const at = map.fromDom(emoji, emoji.nodeValue!.indexOf("Gloss"))!;
    expect(index.toCodePoint(at)).toBe(4);
    expect(map.toDom(index.toUtf16(4), "start")).toEqual({ node: emoji, offset: 5 });
  });

  it("reads a 15,000-word article quickly", () => {
    const long = renderArticle(Array.from({ length: 12 }, () => seedBody).join("\n\n"));
    const root = parseHtml(long.html);
    const t0 = performance.now();
    const map = createTextMap(root);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(map.text).toBe(long.text);
  });
});

describe("trimSpan", () => {
  it("drops white space and block breaks at either end", () => {
    expect(trimSpan("ab \ncd", { start: 1, end: 5 })).toEqual({ start: 1, end: 5 });
    expect(trimSpan("ab \ncd", { start: 2, end: 5 })).toEqual({ start: 4, end: 5 });
    expect(trimSpan("ab \ncd", { start: 2, end: 4 })).toBeNull();
  });
});

describe("unionSpans", () => {
  it("merges spans that overlap or touch, in text order", () => {
    expect(
      unionSpans([
        { start: 20, end: 22 },
        { start: 5, end: 15 },
        { start: 0, end: 10 },
        { start: 15, end: 18 },
        { start: 3, end: 3 },
      ]),
    ).toEqual([
      { start: 0, end: 18 },
      { start: 20, end: 22 },
    ]);
    expect(unionSpans([])).toEqual([]);
  });
});

describe("overlapSpans", () => {
  it("finds where two or more spans overlap, merged", () => {
    expect(
      overlapSpans([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 8, end: 12 },
        { start: 20, end: 22 },
      ]),
    ).toEqual([{ start: 5, end: 12 }]);
    expect(
      overlapSpans([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([]);
  });
});
