import { describe, expect, it } from "vitest";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { commentBodyFromWordpress } from "./comment-body";

// Characters Markdown reads specially, white space, and ordinary text (no < & [ ]: those take the full path).
const alphabet = [
  "a",
  "b",
  "é",
  "1",
  "2",
  ".",
  ")",
  "*",
  "_",
  "#",
  ">",
  "-",
  "+",
  "=",
  "!",
  "`",
  "~",
  "|",
  "(",
  '"',
  "'",
  "\\",
  ":",
  "/",
  " ",
  " ",
  "\t",
  "\n",
  "\n\n",
  "http://x.test",
  "    ",
  "---",
  "===",
  "~~~",
  "```",
  "***",
  "1)",
  "- ",
  "+ ",
  "> ",
  "# ",
  "\n= ",
  "\n- ",
];

function randomText(seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]).join("");
}

describe("commentBodyFromWordpress", () => {
  it("renders plain-text comments exactly as renderSafeMarkdown renders their Markdown", { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const text = randomText(seed);
      const { body, html } = commentBodyFromWordpress(text);
      expect(html, JSON.stringify(text)).toBe(renderSafeMarkdown(body));
    }
  });

  it("renders HTML comments exactly as renderSafeMarkdown renders their Markdown", { timeout: 60_000 }, () => {
    const pieces = [
      "Plain words",
      '<a href="https://x.test/a?b=1&amp;c=2">a link</a>',
      '<a href="/relative">rel</a>',
      "<a>no href</a>",
      '<a href="javascript:alert(1)">js</a>',
      "<em>em</em>",
      "<i>i</i>",
      "<strong>strong</strong>",
      "<b>b</b>",
      "<code>a &lt; b</code>",
      "<del>gone</del>",
      "<br>",
      "\n",
      "\n\n",
      "<p>para</p>",
      "<blockquote>quoted <em>text</em></blockquote>",
      "<ul><li>one</li><li>two <b>x</b></li></ul>",
      '<ol start="4"><li>four</li></ol>',
      "<pre><code>x\n  y</code></pre>",
      "<h2>heading</h2>",
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      "&amp; &lt;tag&gt; &quot;q&quot; caf&eacute;",
      "[caption]c[/caption]",
      "* not a list",
      "1. one",
      '<span style="color:red">span</span>',
      '<iframe src="https://e.test"></iframe>',
      "line<br/>break",
      "tab\tand  spaces",
      "_under_ *star*",
      "# hash",
      "> gt",
    ];
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state;
    };
    for (let round = 0; round < 400; round++) {
      // Pieces are joined by a space: Markdown itself cannot print some adjacent inline pieces
      // (two code spans back to back read as one) so that they parse back the same.
      const content = Array.from({ length: 1 + (next() % 6) }, () => pieces[next() % pieces.length]).join(" ");
      const { body, html } = commentBodyFromWordpress(content);
      expect(html, JSON.stringify(content)).toBe(renderSafeMarkdown(body));
    }
  });

  it("sanitizes HTML comments like new comments", () => {
    const { body, html } = commentBodyFromWordpress(
      `Hi <b>there</b> &amp; <a href="javascript:x">bye</a><script>alert(1)</script>`,
    );
    expect(body).toBe("Hi **there** & bye");
    expect(html).toBe("<p>Hi <strong>there</strong> &#x26; bye</p>");
  });
});
