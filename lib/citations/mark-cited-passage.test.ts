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

const marks = (html: string) =>
  [...html.matchAll(/<mark[^>]*class="gloss-passage"[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]);

/** Every element closes in the order it opened (no <mark> straddles an element boundary). */
function wellFormed(html: string) {
  const open: string[] = [];
  const voids = new Set(["br", "hr", "img", "input", "wbr", "source"]);
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    if (voids.has(name)) continue;
    if (!close) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

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

  it("marks a passage over two paragraphs in both, the id only on the first mark", () => {
    const quote = cite(original.text, "for states.\nLater awards");
    const { html, found } = markCitedPassage(original, quote);
    expect(found).toBe(true);
    expect(marks(html)).toEqual(["for states.", "Later awards"]);
    expect(html.match(/id="passage-cited"/g)).toHaveLength(1);
    expect(html).toMatch(/due diligence <mark id="passage-cited" class="gloss-passage">for states\.<\/mark><\/p>/);
    expect(html).toMatch(/<p[^>]*><mark class="gloss-passage">Later awards<\/mark> refined it/);
  });

  it("marks a passage over three paragraphs in each, the middle one whole", () => {
    const quote = cite(
      original.text,
      "for states.\nLater awards refined it, and the standard of due diligence spread to cyberspace.\nNothing in",
    );
    const { html, found } = markCitedPassage(original, quote);
    expect(found).toBe(true);
    expect(marks(html)).toEqual([
      "for states.",
      "Later awards refined it, and the standard of due diligence spread to cyberspace.",
      "Nothing in",
    ]);
    expect(html.match(/id="passage-cited"/g)).toHaveLength(1);
  });

  it("marks a passage from a paragraph into a list item in both blocks", () => {
    const r = revision(
      "States owe due diligence in three cases:\n\n- when they know of the harm;\n- when they should know.",
    );
    const { html, found } = markCitedPassage(r, cite(r.text, "three cases:\nwhen they know"));
    expect(found).toBe(true);
    expect(marks(html)).toEqual(["three cases:", "when they know"]);
    expect(html).toMatch(/<li[^>]*><mark class="gloss-passage">when they know<\/mark> of the harm;<\/li>/);
    expect(wellFormed(html)).toBe(true);
  });

  it("splits the mark at inline formatting instead of crossing it", () => {
    const r = revision(
      "The *Corfu Channel* case, see [the judgment](https://icj-cij.org/case/1), set it.\n\nThen came *Trail Smelter*.",
    );
    const { html, found } = markCitedPassage(
      r,
      cite(r.text, "Channel case, see the judgment, set it.\nThen came Trail"),
    );
    expect(found).toBe(true);
    expect(marks(html)).toEqual(["Channel", " case, see ", "the judgment", ", set it.", "Then came ", "Trail"]);
    expect(html).toContain('<em>Corfu <mark id="passage-cited" class="gloss-passage">Channel</mark></em>');
    expect(html).toContain('<a href="https://icj-cij.org/case/1"><mark class="gloss-passage">the judgment</mark></a>');
    expect(html).toContain('<em><mark class="gloss-passage">Trail</mark> Smelter</em>');
    expect(wellFormed(html)).toBe(true);
  });

  it("marks a passage inside a footnote, and one running from the body into the notes", () => {
    const r = revision("Due diligence is a standard of conduct.[^1]\n\n[^1]: See the Corfu Channel case, at 22.");
    const inNote = markCitedPassage(r, cite(r.text, "the Corfu Channel case"));
    expect(inNote.found).toBe(true);
    expect(marks(inNote.html)).toEqual(["the Corfu Channel case"]);
    expect(inNote.html).toContain(
      'See <mark id="passage-cited" class="gloss-passage">the Corfu Channel case</mark>, at 22.',
    );
    const across = markCitedPassage(
      r,
      cite(r.text, r.text.slice(r.text.indexOf("of conduct"), r.text.indexOf(" the Corfu"))),
    );
    expect(across.found).toBe(true);
    expect(marks(across.html).join("|")).toMatch(/^of conduct\..*See$/);
    expect(across.html.match(/id="passage-cited"/g)).toHaveLength(1);
    expect(wellFormed(across.html)).toBe(true);
  });

  it("marks nothing in any block when a two-paragraph passage is gone", () => {
    const quote = cite(original.text, "for states.\nLater awards");
    const rewritten = revision("Something else entirely.\n\nAnd another paragraph with no match.");
    expect(markCitedPassage(rewritten, quote)).toEqual({ html: rewritten.html, found: false });
  });
});
