import { describe, expect, it } from "vitest";
import { renderArticle } from "@/lib/articles/render-article";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { autop } from "./autop";
import { htmlToMarkdown } from "./html-to-markdown";
import { htmlToText } from "./html-to-text";

const html = (source: string) => renderArticle(htmlToMarkdown(source)).html.replace(/ data-block-id="[^"]+"/g, "");

describe("autop (WordPress's paragraph rule)", () => {
  it("makes paragraphs of blank-line-separated text and breaks of single newlines", () => {
    expect(autop("One\nstill one\n\nTwo")).toBe("<p>One<br>\nstill one</p>\n<p>Two</p>");
  });

  it("leaves block elements and <pre> alone", () => {
    expect(autop("Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>x\n\ny</pre>")).toBe(
      "<p>Intro</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>x\n\ny</pre>",
    );
    expect(autop("Before<blockquote>Quoted</blockquote>After")).toBe(
      "<p>Before</p>\n<blockquote>Quoted</blockquote>\n<p>After</p>",
    );
  });
});

describe("htmlToMarkdown", () => {
  it("keeps the structure of a classic-editor post", () => {
    const out = html(
      `First <strong>bold</strong> and <em>em</em>.\nSame paragraph.\n\n<h2>Heading</h2>\nA <a href="https://x.test/a" title="T">link</a>.\n\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<ol start="3"><li>Three</li></ol>\n<blockquote>Quote</blockquote>\n<pre><code>a &lt; b\n\nc</code></pre>\n<h1>Top</h1>`,
    );
    expect(out).toContain("<p>First <strong>bold</strong> and <em>em</em>.<br>\nSame paragraph.</p>");
    expect(out).toContain("<h2>Heading</h2>");
    expect(out).toContain(`<a href="https://x.test/a" title="T">link</a>`);
    expect(out).toMatch(/<ul>\s*<li>One<\/li>\s*<li>Two<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<ol start="3">\s*<li>Three<\/li>/);
    expect(out).toMatch(/<blockquote>\s*<p>Quote<\/p>\s*<\/blockquote>/);
    expect(out).toContain("<pre><code>a &#x3C; b\n\nc\n</code></pre>");
    expect(out).toContain("<h2>Top</h2>");
  });

  it("reads block-editor markup without its comments and without adding paragraphs", () => {
    const source = `<!-- wp:paragraph -->\n<p>Block <em>one</em></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Sub</h3>\n<!-- /wp:heading -->\n<!-- wp:list --><ul class="wp-block-list"><!-- wp:list-item --><li>x</li><!-- /wp:list-item --></ul><!-- /wp:list -->`;
    const md = htmlToMarkdown(source);
    expect(md).not.toContain("wp:");
    expect(md).toBe("Block _one_\n\n### Sub\n\n- x");
  });

  it("drops scripts, styles, iframes, embeds, forms and images; keeps captions", () => {
    const md = htmlToMarkdown(
      `<p>Text</p><script>alert(1)</script><style>p{}</style><iframe src="https://e.test"></iframe><object data="x"></object><form><input name="q"><button>Go</button></form>[caption id="c" width="300"]<img src="a.png" alt="A map" onerror="alert(1)"> The caption[/caption][gallery ids="1,2"]`,
    );
    expect(md).toBe("Text\n\nThe caption");
  });

  it("unwraps links that could run code or hold no text", () => {
    expect(
      htmlToMarkdown(
        `<p><a href="javascript:alert(1)">click</a> <a href=" JaVa\nscript:x">two</a> <a href="https://x.test"><img src="i.png"></a> <a>plain</a></p>`,
      ),
    ).toBe("click two plain");
    const out = html(`<p><a href="data:text/html,evil">d</a> <a href="https://ok.test" onclick="x()">ok</a></p>`);
    expect(out).toBe(`<p>d <a href="https://ok.test">ok</a></p>`);
  });

  it("turns tables into one paragraph per row and drops unknown inline markup", () => {
    expect(
      htmlToMarkdown(
        `<table><caption>Votes</caption><tr><th>State</th><th>Vote</th></tr><tr><td>A</td><td><span style="color:red">Yes</span></td></tr></table><p><del>old</del> <u>new</u></p>`,
      ),
    ).toBe("Votes\n\nState | Vote\n\nA | Yes\n\nold new");
  });

  it("decodes entities and escapes what would read as Markdown", () => {
    const md = htmlToMarkdown(`<p>caf&eacute; &amp; &#8212; *not emphasis* 1. not a list &lt;b&gt;</p>`);
    expect(renderArticle(md).text).toBe("café & — *not emphasis* 1. not a list <b>");
  });

  it("gives comment bodies that render like new comments (sanitized, rel=nofollow)", () => {
    const body = htmlToMarkdown(
      `Nice!\n\nSee <a href="https://x.test">this</a><script>alert(1)</script> <img src=x onerror=alert(1)>`,
    );
    const rendered = renderSafeMarkdown(body);
    expect(rendered).toBe(`<p>Nice!</p>\n<p>See <a href="https://x.test" rel="nofollow ugc noopener">this</a></p>`);
  });

  it("survives the empty string and text without markup", () => {
    expect(htmlToMarkdown("")).toBe("");
    expect(htmlToMarkdown("Just words.")).toBe("Just words.");
  });
});

describe("htmlToText", () => {
  it("decodes entities and drops tags in titles and names", () => {
    expect(htmlToText("Caf&eacute; &amp; <b>Co</b>")).toBe("Café & Co");
    expect(htmlToText("  Plain   name ")).toBe("Plain name");
  });
});

describe("htmlToMarkdown with a post's images", () => {
  const images = new Map([
    ["https://x.test/wp-content/uploads/a.png", { url: "/media/0123456789abcdef0123456789abcdef-10x10.png" }],
    ["https://x.test/b.png", { notImported: "the file is not in the media folder" }],
  ]);
  it("writes imported images as Markdown images and keeps a link to the others", () => {
    expect(
      htmlToMarkdown(
        `<p>A <img src="https://x.test/wp-content/uploads/a.png" alt="map *one*"> and <img src='https://x.test/b.png' alt="two"></p><p><img src="data:image/png;base64,AAAA"></p>`,
        images,
      ),
    ).toBe(
      "A ![map \\*one\\*](/media/0123456789abcdef0123456789abcdef-10x10.png) and [Image: two](https://x.test/b.png)\n\n(Image)",
    );
  });
  it("drops images as before when the import does not look for them (excerpts, comments)", () => {
    expect(htmlToMarkdown(`<p>A <img src="https://x.test/wp-content/uploads/a.png" alt="map"></p>`)).toBe("A");
  });
});
