import { describe, expect, it } from "vitest";
import { countLinks, renderSafeMarkdown } from "./render-safe-markdown";

// The renderer's output is hast-util-to-html's: every literal "<" in text is written as "&#x3C;",
// so each remaining "<" opens a real element. That lets us check the output structurally.
const allowed: Record<string, string[]> = {
  p: [],
  br: [],
  em: [],
  strong: [],
  del: [],
  blockquote: [],
  ul: [],
  ol: ["start"],
  li: [],
  code: [],
  pre: [],
  span: [],
  a: ["href", "rel"],
};
const safeSchemes = new Set(["http", "https", "mailto"]);

const named: Record<string, string> = {
  quot: '"',
  amp: "&",
  lt: "<",
  gt: ">",
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
};
/** Decodes character references once, as a browser does for an attribute value. */
const decodeEntities = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(quot|amp|lt|gt|apos|colon|tab|newline));?/gi, (_, hex, dec, name) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : named[String(name).toLowerCase()],
  );

type Tag = { name: string; attributes: Record<string, string> };

function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<(\/?)([^\s>/]+)([^>]*)>/g)) {
    if (m[1]) continue;
    const attributes: Record<string, string> = {};
    for (const a of m[3].matchAll(/\s([^\s=>]+)(?:="([^"]*)")?/g))
      attributes[a[1].toLowerCase()] = decodeEntities(a[2] ?? "");
    tags.push({ name: m[2].toLowerCase(), attributes });
  }
  return tags;
}

/** Fails with the offending piece when the HTML holds anything outside the allow-list. */
function expectSafe(html: string, source: string) {
  const context = `rendering ${JSON.stringify(source)} gave ${JSON.stringify(html)}`;
  // A "<" that is not the start of a tag the regex saw would be a parser-confusion trick.
  const opened = (html.match(/</g) ?? []).length;
  const seen = [...html.matchAll(/<\/?[^\s>/]+[^>]*>/g)].length;
  expect(opened, `${context}: stray "<"`).toBe(seen);
  for (const tag of tagsOf(html)) {
    expect(Object.keys(allowed), `${context}: element <${tag.name}>`).toContain(tag.name);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(allowed[tag.name], `${context}: attribute ${name} on <${tag.name}>`).toContain(name);
      if (name === "href") {
        // What a browser would see: entities decoded, tabs/newlines/controls and leading spaces removed.
        const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
        if (scheme) expect(safeSchemes, `${context}: href scheme ${scheme}`).toContain(scheme);
      }
      if (name === "rel") expect(value).toBe("nofollow ugc noopener");
    }
    if (tag.name === "a") expect(tag.attributes.rel, `${context}: a link without rel`).toBe("nofollow ugc noopener");
  }
  expect(html).not.toMatch(/<img|<svg|<script|<iframe|<style|<object|<embed|<math|<form|<input|<base|<meta|<link\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*(?:javascript|vbscript|data):/i);
}

const xssVectors: Record<string, string[]> = {
  "script tags": [
    "<script>alert(1)</script>",
    "before <script>alert(1)</script> after",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<script\n>alert(1)</script\n>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<script>alert(1)",
    "<script/xss src=https://evil.example/x.js></script>",
    "\\<script>alert(1)\\</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
  ],
  "event handlers": [
    "<img src=x onerror=alert(1)>",
    '<IMG SRC="x" ONERROR="alert(1)">',
    "<body onload=alert(1)>",
    '<div onclick="alert(1)">click me</div>',
    "<p onmouseover=alert(1)>hover</p>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<a onmouseover=alert(1)>x</a>",
    '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
    '[x](https://ok.example/" onmouseover="alert(1))',
    '[x](<https://ok.example/" onmouseover="alert(1)>)',
    "*x*{onclick=alert(1)}",
  ],
  "javascript:, data: and vbscript: URLs, plain and obfuscated": [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#9;ascript:alert(1))",
    "[x](jav&#x0A;ascript:alert(1))",
    "[x](jav&#x0D;ascript:alert(1))",
    "[x](<jav\tascript:alert(1)>)",
    "[x](jav&#x61;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
    "[x](&#0000106&#0000097vascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](%6A%61vascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](\u0001javascript:alert(1))",
    "[x](java\u200bscript:alert(1))",
    "[x](javascript:alert(1)//https://ok.example)",
    "[x](javascript://%0Aalert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](DATA:text/html,<script>alert(1)</script>)",
    "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "<vbscript:msgbox(1)>",
  ],
  "SVG and MathML": [
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
  ],
  "iframes, objects, forms and other embeds": [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<button formaction=javascript:alert(1)>x</button>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
  ],
  style: [
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="position:fixed;inset:0">overlay</div>',
  ],
  "nested and unclosed tricks": [
    '<a href="https://ok.example"><script>alert(1)</script></a>',
    "<div><div><div><script>alert(1)</script>",
    '<img src="x" alt=""onerror="alert(1)"',
    "<img src=x onerror=alert(1)//",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<textarea></textarea><script>alert(1)</script>",
    "<title><script>alert(1)</script></title>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))",
    "**<script>alert(1)</script>**",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "[x](https://ok.example)<script>alert(1)</script>",
    "`</code><script>alert(1)</script>`",
    "```\n</code></pre><script>alert(1)</script>\n```",
  ],
  "Markdown images, autolinks and reference links": [
    "![x](https://evil.example/tracker.png)",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://evil.example/x.png)',
    "![x][img]\n\n[img]: https://evil.example/x.png",
    "[![x](https://evil.example/x.png)](https://ok.example)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[x][ref]\n\n[ref]: <javascript:alert(1)> "title"',
    "[ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
    "[x][]\n\n[x]: vbscript:msgbox(1)",
    '<https://ok.example/"onmouseover="alert(1)>',
    "<mailto:a@b.example?body=<script>alert(1)</script>>",
  ],
  "HTML comments and raw <a href>": [
    "<!-- <script>alert(1)</script> -->",
    "<!--><img src=x onerror=alert(1)>-->",
    "x <!-- comment --> y",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="https://ok.example" target="_blank">x</a>',
    "<a href=https://ok.example onclick=alert(1)>x</a>",
  ],
};

describe("renderSafeMarkdown against XSS vectors", () => {
  it("(the structural check itself rejects unsafe HTML, so the cases below are not vacuous)", () => {
    for (const unsafe of [
      '<img src="x">',
      '<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>',
      '<a href="jav&#x09;ascript:alert(1)" rel="nofollow ugc noopener">x</a>',
      '<p onclick="alert(1)">x</p>',
      '<a href="https://ok.example">no rel</a>',
      "<svg></svg>",
      "<p>x</p><script>alert(1)</script>",
    ])
      expect(() => expectSafe(unsafe, "check")).toThrow();
    expect(() =>
      expectSafe('<p><a href="https://ok.example" rel="nofollow ugc noopener">x</a> &#x3C;script></p>', "check"),
    ).not.toThrow();
  });

  for (const [group, vectors] of Object.entries(xssVectors)) {
    it(`neutralises ${group}`, () => {
      for (const source of vectors) expectSafe(renderSafeMarkdown(source), source);
    });
  }

  it("never emits an <img>, whatever the form of the image", () => {
    for (const source of [
      ...xssVectors["Markdown images, autolinks and reference links"],
      "![a](https://ok.example/a.png)",
      "<img src=https://ok.example/a.png>",
      "![](data:image/png;base64,iVBORw0KGgo=)",
    ])
      expect(renderSafeMarkdown(source)).not.toMatch(/<img/i);
  });

  it("shows raw HTML as the text the reader typed instead of parsing it", () => {
    expect(renderSafeMarkdown("<script>alert(1)</script>")).toBe("<p>&#x3C;script>alert(1)&#x3C;/script></p>");
    expect(renderSafeMarkdown("<img src=x onerror=alert(1)>")).toBe("<p>&#x3C;img src=x onerror=alert(1)></p>");
    expect(renderSafeMarkdown("I like <b>bold</b> claims")).toBe("<p>I like &#x3C;b>bold&#x3C;/b> claims</p>");
    expect(renderSafeMarkdown('<a href="javascript:alert(1)">x</a>')).toBe(
      '<p>&#x3C;a href="javascript:alert(1)">x&#x3C;/a></p>',
    );
    expect(renderSafeMarkdown("> <iframe src=x></iframe>")).toBe(
      "<blockquote>\n<p>&#x3C;iframe src=x>&#x3C;/iframe></p>\n</blockquote>",
    );
    expect(renderSafeMarkdown("- <svg onload=alert(1)>")).toBe("<ul>\n<li>&#x3C;svg onload=alert(1)></li>\n</ul>");
  });

  it("drops a link whose URL is unsafe but keeps its text", () => {
    for (const source of [
      "[click](javascript:alert(1))",
      "[click](jav&#x09;ascript:alert(1))",
      "[click](data:text/html,x)",
      "[click](vbscript:msgbox(1))",
      "[click][r]\n\n[r]: javascript:alert(1)",
    ])
      expect(renderSafeMarkdown(source)).toBe("<p><span>click</span></p>");
  });

  it("escapes HTML inside inline code and code blocks", () => {
    expect(renderSafeMarkdown("`<script>alert(1)</script>`")).toBe(
      "<p><code>&#x3C;script>alert(1)&#x3C;/script></code></p>",
    );
    expect(renderSafeMarkdown("```html\n<img src=x onerror=alert(1)>\n```")).toBe(
      "<pre><code>&#x3C;img src=x onerror=alert(1)>\n</code></pre>",
    );
  });

  it("keeps URL-encoded payloads inside an allowed link encoded", () => {
    const html = renderSafeMarkdown("[x](https://ok.example/?q=<script>alert(1)</script>)");
    expectSafe(html, "query payload");
    expect(html).not.toContain("<script");
  });
});

describe("renderSafeMarkdown keeps the allowed subset", () => {
  it("paragraphs and line breaks", () => {
    expect(renderSafeMarkdown("First paragraph.\n\nSecond one.")).toBe("<p>First paragraph.</p>\n<p>Second one.</p>");
    expect(renderSafeMarkdown("line  \nbreak")).toBe("<p>line<br>\nbreak</p>");
  });

  it("emphasis and strong emphasis", () => {
    expect(renderSafeMarkdown("*em* _em_ **strong** __strong__")).toBe(
      "<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong></p>",
    );
  });

  it('links, autolinks, reference links and mailto, each with rel="nofollow ugc noopener"', () => {
    expect(renderSafeMarkdown("[Gloss](https://gloss.example/a?b=1&c=2)")).toBe(
      '<p><a href="https://gloss.example/a?b=1&#x26;c=2" rel="nofollow ugc noopener">Gloss</a></p>',
    );
    expect(renderSafeMarkdown("<https://gloss.example>")).toBe(
      '<p><a href="https://gloss.example" rel="nofollow ugc noopener">https://gloss.example</a></p>',
    );
    expect(renderSafeMarkdown('[ref link][r]\n\n[r]: http://gloss.example "t"')).toBe(
      '<p><a href="http://gloss.example" rel="nofollow ugc noopener">ref link</a></p>',
    );
    expect(renderSafeMarkdown("[mail](mailto:editor@gloss.example)")).toBe(
      '<p><a href="mailto:editor@gloss.example" rel="nofollow ugc noopener">mail</a></p>',
    );
    expect(renderSafeMarkdown("[relative](/articles/x)")).toBe(
      '<p><a href="/articles/x" rel="nofollow ugc noopener">relative</a></p>',
    );
  });

  it("a title a link carries is dropped, the link kept", () => {
    expect(renderSafeMarkdown('[x](https://gloss.example "a title")')).toBe(
      '<p><a href="https://gloss.example" rel="nofollow ugc noopener">x</a></p>',
    );
  });

  it("block quotes, nested", () => {
    expect(renderSafeMarkdown("> quoted\n>\n> > deeper")).toBe(
      "<blockquote>\n<p>quoted</p>\n<blockquote>\n<p>deeper</p>\n</blockquote>\n</blockquote>",
    );
  });

  it("bulleted and numbered lists, including a start number", () => {
    expect(renderSafeMarkdown("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(renderSafeMarkdown("1. one\n2. two")).toBe("<ol>\n<li>one</li>\n<li>two</li>\n</ol>");
    expect(renderSafeMarkdown("3. three\n4. four")).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
  });

  it("inline code and fenced or indented code blocks (no language class)", () => {
    expect(renderSafeMarkdown("use `npm test`")).toBe("<p>use <code>npm test</code></p>");
    expect(renderSafeMarkdown("```js\nconst a = 1 < 2;\n```")).toBe("<pre><code>const a = 1 &#x3C; 2;\n</code></pre>");
    expect(renderSafeMarkdown("    indented\n")).toBe("<pre><code>indented\n</code></pre>");
  });

  it("the whole subset together passes the structural check", () => {
    const source =
      "Hello *there*, **reader**.\n\n> a quote with [a link](https://gloss.example)\n\n- one\n- `two`\n\n```\ncode\n```";
    const html = renderSafeMarkdown(source);
    expectSafe(html, source);
    for (const tag of [
      "<p>",
      "<em>",
      "<strong>",
      "<blockquote>",
      "<ul>",
      "<li>",
      "<code>",
      "<pre>",
      '<a href="https://gloss.example" rel="nofollow ugc noopener">',
    ])
      expect(html).toContain(tag);
  });

  it("headings, rules and images are not part of the subset", () => {
    expect(renderSafeMarkdown("# Big")).not.toMatch(/<h\d/);
    expect(renderSafeMarkdown("a\n\n---\n\nb")).not.toMatch(/<hr/);
    expect(renderSafeMarkdown("![alt](https://gloss.example/a.png)")).not.toMatch(/<img/);
  });
});

describe("countLinks", () => {
  it("counts the links that survive sanitizing", () => {
    expect(countLinks("no links")).toBe(0);
    expect(countLinks("[a](https://a.example) and <https://b.example>")).toBe(2);
    expect(countLinks('[bad](javascript:alert(1)) <a href="https://c.example">raw</a>')).toBe(0);
  });
});

describe("autolinks (issue 18, item 12)", () => {
  it("links bare https URLs, www. addresses and e-mail addresses, with the reader-link rel", () => {
    const html = renderSafeMarkdown("See https://icj-cij.org/case/1 and www.un.org, or write to clerk@court.example.");
    expect(html).toContain(
      '<a href="https://icj-cij.org/case/1" rel="nofollow ugc noopener">https://icj-cij.org/case/1</a>',
    );
    expect(html).toContain('<a href="http://www.un.org" rel="nofollow ugc noopener">www.un.org</a>');
    expect(html).toContain('<a href="mailto:clerk@court.example" rel="nofollow ugc noopener">clerk@court.example</a>');
    expect(countLinks("See https://icj-cij.org/case/1 and www.un.org, or write to clerk@court.example.")).toBe(3);
  });

  it("never links what is not a web address, nor an address inside code", () => {
    for (const source of [
      "javascript:alert(1)",
      "data:text/html,<script>x</script>",
      "`https://in.code.example`",
      "    https://indented.example",
    ]) {
      const html = renderSafeMarkdown(source);
      expectSafe(html, source);
      expect(html).not.toContain("<a ");
    }
  });
});
