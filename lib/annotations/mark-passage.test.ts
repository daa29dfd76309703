import { describe, expect, it } from "vitest";
import { markPassage } from "./mark-passage";

const html =
  '<p data-block-id="b1">The first <em>paragraph</em> is here.</p>\n<p data-block-id="b2">A second one, and a second one again.</p>';

describe("markPassage", () => {
  it("wraps the quote in its block in a mark carrying the passage id, text unchanged", () => {
    const out = markPassage(html, { id: "n1", exact: "second one again", blockId: "b2" });
    expect(out).toContain('<mark id="passage-n1" class="gloss-passage">second one again</mark>');
    expect(out.replace(/<[^>]+>/g, "")).toBe(html.replace(/<[^>]+>/g, ""));
  });

  it("spans inline elements: the first mark carries the id", () => {
    const out = markPassage(html, { id: "n2", exact: "first paragraph is", blockId: "b1" });
    expect(out).toContain(
      'The <mark id="passage-n2" class="gloss-passage">first </mark><em><mark class="gloss-passage">paragraph</mark></em><mark class="gloss-passage"> is</mark> here.',
    );
  });

  it("prefers the occurrence after the prefix", () => {
    const out = markPassage(html, { id: "n3", exact: "a second one", prefix: "A second one, and ", blockId: "b2" });
    expect(out).toContain('A second one, and <mark id="passage-n3" class="gloss-passage">a second one</mark> again.');
  });

  it("marks the block when the quote is not found in it, and changes nothing without a block", () => {
    expect(markPassage(html, { id: "n4", exact: "gone away", blockId: "b1" })).toContain(
      '<p data-block-id="b1" id="passage-n4">',
    );
    expect(markPassage(html, { id: "n5", exact: "gone away" })).toBe(html);
  });

  it("escapes what it writes", () => {
    const out = markPassage('<p data-block-id="b1">a &lt;b&gt; &amp; c</p>', { id: "n6", exact: "<b> & c" });
    expect(out).toBe(
      '<p data-block-id="b1">a <mark id="passage-n6" class="gloss-passage">&#x3C;b> &#x26; c</mark></p>',
    );
  });
});
