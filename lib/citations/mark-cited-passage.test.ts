import { describe, expect, it } from "vitest";
import { describeTextQuote } from "@/lib/anchoring/describe-text-quote";
import { renderArticle } from "@/lib/articles/render-article";
import { markCitedPassage } from "./mark-cited-passage";

const body = [
  "The Corfu Channel case set the standard of due diligence for states.",
  "Later awards refined it, and the standard of due diligence spread to cyberspace.",
  "Nothing in the Tallinn Manual settles the question of knowledge.",
].join("\n\n");

const revision = (markdown: string) => {
  const r = renderArticle(markdown);
  return { html: r.html, text: r.text, blockIds: r.blocks.map((b) => b.id) };
};

/** The selector a reader's "Cite this passage" makes for the n-th occurrence of `exact`. */
function cite(text: string, exact: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(exact, at + 1);
  return describeTextQuote(text, at, at + exact.length);
}

const marked = (html: string) =>
  [...html.matchAll(/<mark[^>]*class="gloss-passage"[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]).join("");

describe("a cited passage", () => {
  const original = revision(body);

  it("is marked where it was cited, the second of two identical phrases when that one was picked", () => {
    const quote = cite(original.text, "the standard of due diligence", 1);
    const { html, found } = markCitedPassage(original, quote);
    expect(found).toBe(true);
    expect(marked(html)).toBe("the standard of due diligence");
    expect(html).toMatch(/Later awards refined it, and <mark id="passage-cited" class="gloss-passage">the standard/);
  });

  it("is still found after the article is edited around and inside it", () => {
    const quote = cite(original.text, "Later awards refined it, and the standard of due diligence spread");
    const edited = revision(`A new opening paragraph.\n\n${body.replace("awards refined it", "awards sharpened it")}`);
    const { html, found } = markCitedPassage(edited, quote);
    expect(found).toBe(true);
    expect(marked(html)).toBe("Later awards sharpened it, and the standard of due diligence spread");
  });

  it("says it is gone when the passage was deleted, and leaves the article as it was", () => {
    const quote = cite(original.text, "Nothing in the Tallinn Manual settles the question of knowledge.");
    const shorter = revision(body.split("\n\n").slice(0, 2).join("\n\n"));
    expect(markCitedPassage(shorter, quote)).toEqual({ html: shorter.html, found: false });
  });

  it("marks a passage over two paragraphs in the paragraph it starts in", () => {
    const quote = cite(original.text, "for states.\nLater awards");
    const { html, found } = markCitedPassage(original, quote);
    expect(found).toBe(true);
    expect(marked(html)).toBe("for states.");
  });
});
