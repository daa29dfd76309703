import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleSource } from "./parse-article-source";
import { matchBlockIds, renderArticle } from "./render-article";

const seedUrl = new URL("../../../shared/content/seed-article.md", import.meta.url);
const seedBody = parseArticleSource(readFileSync(seedUrl, "utf8")).body;
const seedText = readFileSync(new URL("../../../shared/content/seed-article.text.txt", import.meta.url));

const BLOCK_ELEMENT = /<(p|h[1-6]|li|blockquote|pre|th|td)(?=[\s>])([^>]*)>/g;
const paragraphs = (body: string) => body.split("\n\n");
const idsByText = (blocks: { id: string; text: string }[]) => new Map(blocks.map((block) => [block.text, block.id]));

describe("renderArticle on the seed article", () => {
  const rendered = renderArticle(seedBody);

  it("has exactly three h2 headings and no h1", () => {
    expect(rendered.html.match(/<h2[\s>]/g)).toHaveLength(3);
    expect(rendered.html).not.toMatch(/<h1[\s>]/);
  });

  it("has exactly twelve blocks", () => {
    expect(rendered.blocks).toHaveLength(12);
  });

  it("produces the contract's plain text byte for byte", () => {
    expect(Buffer.from(rendered.text, "utf8").equals(seedText)).toBe(true);
    expect(rendered.text).toContain("Washington’s request");
    expect(rendered.text).toContain("“Malign Cyber- activities”");
    expect(rendered.text).toBe(rendered.blocks.map((block) => block.text).join("\n"));
  });

  it("gives every block in the HTML a unique, URL-safe data-block-id, in block order", () => {
    const tags = [...rendered.html.matchAll(BLOCK_ELEMENT)];
    expect(tags).toHaveLength(12);
    const htmlIds = tags.map((tag) => /data-block-id="([^"]+)"/.exec(tag[2])?.[1]);
    expect(htmlIds).toEqual(rendered.blocks.map((block) => block.id));
    expect(new Set(htmlIds).size).toBe(12);
    for (const id of htmlIds) expect(id).toMatch(/^b[0-9a-z]{6}$/);
  });

  it("counts words and reading time", () => {
    expect(rendered.wordCount).toBe(seedText.toString("utf8").split(/\s+/).length);
    expect(rendered.readingMinutes).toBe(Math.round(rendered.wordCount / 220));
    expect(renderArticle("Three little words.").readingMinutes).toBe(1);
  });

  // Its speed is measured by the studio bench (publishing a 15,000-word revision), not timed here:
  // timed unit tests flake on shared machines.
  it("re-renders a 15,000-word article keeping every block id", () => {
    const big = Array.from({ length: 12 }, (_, copy) => seedBody.replaceAll("\n\n", `\n\n*${copy}* `)).join("\n\n");
    const first = renderArticle(big);
    expect(first.wordCount).toBeGreaterThan(15_000);
    const again = renderArticle(big, first.blocks);
    expect(again.blocks.map((b) => b.id)).toEqual(first.blocks.map((b) => b.id));
  });
});

describe("renderArticle markup", () => {
  it("turns a # heading into an h2: the page owns the only h1", () => {
    const { html } = renderArticle("# Title\n\nText");
    expect(html).toMatch(/^<h2 data-block-id="b[0-9a-z]{6}">Title<\/h2>/);
  });

  it("drops raw HTML and unsafe links", () => {
    const markdown = [
      "Hi <script>alert(1)</script> there <img src=x onerror=alert(2)>",
      '<div onclick="alert(3)">raw block</div>',
      "[a](javascript:alert(4)) [b](JAVASCRIPT:alert(5)) [c](&#106;avascript:alert(6)) [d](data:text/html,x)",
      '[ok](https://example.org/x?y=1) [rel](/articles/x) [mail](mailto:a@example.org) ![pic](x.png "t")',
    ].join("\n\n");
    const { html } = renderArticle(markdown);
    expect(html).not.toMatch(/<script|<img|<div|onerror|onclick|javascript:|data:/i);
    expect(html).toContain('<a href="https://example.org/x?y=1">ok</a>');
    expect(html).toContain('<a href="/articles/x">rel</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).toContain("<a>a</a>");
    expect(html).toContain('<a href="x.png">pic</a>'); // only uploaded images show (below)
  });

  it("shows uploaded images with their size and narrower copies; alt text is no block text", () => {
    const { html, text } = renderArticle("![A map of the strait](/media/0123456789abcdef-1600x900.png)\n\nAfter.");
    expect(html).toContain(
      '<img src="/media/0123456789abcdef-1600x900.png" alt="A map of the strait" width="1600" height="900" srcset="/media/0123456789abcdef-1600x900.png?w=320 320w,',
    );
    expect(html).toContain("/media/0123456789abcdef-1600x900.png 1600w");
    expect(text).toBe("After.");
  });

  it("renders GFM: footnotes as numbered references and notes after the body, tables in a scroll box, strikethrough", () => {
    const { html, text } = renderArticle(
      "A claim.[^1] ~~Old~~ new.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[^1]: The source.",
    );
    expect(html).toMatch(
      /<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1<\/a><\/sup>/,
    );
    expect(html).toContain(
      '<section data-footnotes aria-labelledby="footnote-label" class="footnotes"><h2 id="footnote-label" data-not-text="">Notes</h2>',
    );
    expect(html).toContain(
      '<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="footnote-backref"></a>',
    );
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>');
    expect(html).toContain("<del>Old</del>");
    expect(text.split("\n")).toEqual(["A claim.1 Old new.", "A", "B", "1", "2", "The source."]);
  });

  it("keeps the allowed elements and marks only blocks with text of their own", () => {
    const markdown =
      "> quoted\n> lines\n\n- one\n- two\n  - nested\n\n1. loose\n\n   list\n\n```ts\nconst x = 1;\n```\n\nhard  \nbreak *em* **strong** `code`\n\n---\n\n![only an image](/media/0123456789abcdef-10x10.png)";
    const { html, blocks, text } = renderArticle(markdown);
    expect(html).toContain("<blockquote>\n<p data-block-id=");
    expect(html).toContain('<pre data-block-id="');
    expect(html).toContain('<code class="language-ts">const x = 1;\n</code>');
    expect(html).toMatch(/<em>em<\/em> <strong>strong<\/strong> <code>code<\/code>/);
    expect(html).toContain("<br>");
    expect(html).toContain("<hr>");
    expect(html.match(/data-block-id/g)).toHaveLength(blocks.length);
    expect(blocks.map((block) => block.text)).toEqual([
      "quoted lines",
      "one",
      "two",
      "nested",
      "loose",
      "list",
      "const x = 1;",
      "hard break em strong code",
    ]);
    expect(text).toBe(blocks.map((block) => block.text).join("\n"));
  });

  it("keeps text exactly as written: no smart quotes, emoji and combining marks intact", () => {
    const line = `"Straight" 'quotes' -- dashes... 😀 👩🏽‍💻 e\u0301 𝒳 中文 &lt;tag&gt; a & b`;
    const { text, html } = renderArticle(line);
    expect(text).toBe(line.replace("&lt;", "<").replace("&gt;", ">"));
    expect([...text]).toHaveLength([...line].length - 6);
    expect(html).toContain("😀 👩🏽‍💻 e\u0301 𝒳 中文");
  });

  it("collapses white space runs inside a block", () => {
    expect(renderArticle("one\ttwo\n   three\u00a0\u00a0four").text).toBe("one two three four");
  });

  it("renders an empty body as no blocks", () => {
    expect(renderArticle("")).toMatchObject({ html: "", blocks: [], text: "", wordCount: 0, readingMinutes: 1 });
  });
});

describe("block ids across revisions", () => {
  const original = renderArticle(seedBody);
  const originalIds = original.blocks.map((block) => block.id);

  it("keeps every id when nothing changed", () => {
    expect(renderArticle(seedBody, original.blocks).blocks.map((block) => block.id)).toEqual(originalIds);
  });

  it("keeps the id of a block whose typo was fixed or that gained a sentence", () => {
    const edited = seedBody
      .replace("nuclear dela", "nuclear deal")
      .replace("stands postponed.", "stands postponed. No new date has been announced by the organisers.")
      .replace("## Motive behind the said attack", "## Motive behind the said attacks");
    const next = renderArticle(edited, original.blocks);
    expect(next.blocks.map((block) => block.id)).toEqual(originalIds);
    expect(next.text).toContain("nuclear deal");
  });

  it("gives an inserted paragraph a new id and keeps the others", () => {
    const parts = paragraphs(seedBody);
    parts.splice(3, 0, "A brand-new paragraph about something else entirely, written for this revision.");
    const next = renderArticle(parts.join("\n\n"), original.blocks);
    const ids = next.blocks.map((block) => block.id);
    expect(ids.toSpliced(3, 1)).toEqual(originalIds);
    expect(originalIds).not.toContain(ids[3]);
    expect(new Set(ids).size).toBe(13);
  });

  it("drops the id of a deleted paragraph and keeps the others", () => {
    const parts = paragraphs(seedBody);
    parts.splice(5, 1);
    const ids = renderArticle(parts.join("\n\n"), original.blocks).blocks.map((block) => block.id);
    expect(ids).toEqual(originalIds.toSpliced(5, 1));
  });

  it("lets reordered paragraphs keep their ids", () => {
    const parts = paragraphs(seedBody);
    const reordered = [parts[2], parts[0], parts[1], ...parts.slice(3, 8), parts[11], parts[8], parts[10], parts[9]];
    const next = renderArticle(reordered.join("\n\n"), original.blocks);
    expect(next.blocks).toHaveLength(12);
    const before = idsByText(original.blocks);
    for (const block of next.blocks) expect(block.id).toBe(before.get(block.text));
  });

  it("gives a replaced paragraph a new id, never the deleted one's", () => {
    const parts = paragraphs(seedBody);
    parts[4] = "Completely different words now stand where the old paragraph was.";
    const ids = renderArticle(parts.join("\n\n"), original.blocks).blocks.map((block) => block.id);
    expect(ids.toSpliced(4, 1)).toEqual(originalIds.toSpliced(4, 1));
    expect(originalIds).not.toContain(ids[4]);
  });
});

describe("matchBlockIds", () => {
  const previous = [
    { id: "b000001", text: "Alpha beta gamma delta epsilon." },
    { id: "b000002", text: "Same" },
    { id: "b000003", text: "Same" },
    { id: "b000004", text: "Zeta eta theta iota kappa lambda." },
  ];

  it("keeps the ids of repeated texts and never hands out an id twice", () => {
    const ids = matchBlockIds(previous, ["Alpha beta gamma delta epsilon.", "Same", "Same", "Same"]);
    expect(ids.slice(0, 3)).toEqual(["b000001", "b000002", "b000003"]);
    expect(new Set(ids).size).toBe(4);
    expect(previous.map((block) => block.id)).not.toContain(ids[3]);
  });

  it("pairs an edited block only with an old block between the same kept neighbours", () => {
    const ids = matchBlockIds(previous, ["Zeta eta theta iota kappa lambda mu.", "Same", "Same"]);
    expect(ids[0]).not.toBe("b000004");
    expect(ids.slice(1)).toEqual(["b000002", "b000003"]);
  });

  it("survives a previous revision with duplicate ids", () => {
    const ids = matchBlockIds(
      [
        { id: "b000009", text: "One" },
        { id: "b000009", text: "Two" },
      ],
      ["One", "Two"],
    );
    expect(ids[0]).toBe("b000009");
    expect(ids[1]).not.toBe("b000009");
  });

  it("creates fresh ids without a previous revision", () => {
    const ids = matchBlockIds(
      [],
      Array.from({ length: 500 }, (_, index) => `Block ${index}`),
    );
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^b[0-9a-z]{6}$/);
  });
});
