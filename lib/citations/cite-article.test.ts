import { describe, expect, it } from "vitest";
import {
  apa,
  apaName,
  bibtex,
  bluebook,
  citationText,
  cslJson,
  oscola,
  plainText,
  ris,
  scholarMeta,
  splitName,
} from "./cite-article";

const article = {
  slug: "due-diligence-in-cyberspace",
  title: "Due diligence in cyberspace: {braces} & 100%",
  authorName: "A. Student",
  affiliation: "Some University",
  publishedAt: new Date("2026-03-14T10:00:00Z"),
  updatedAt: new Date("2026-03-15T10:00:00Z"),
  excerpt: "An excerpt.",
};
const base = "https://blog.example.org";
const accessed = new Date("2026-12-07T09:00:00Z");

describe("citations", () => {
  it("gives Google Scholar its tags", () => {
    expect(scholarMeta(base, article)).toMatchObject({
      citation_title: article.title,
      citation_author: "A. Student",
      citation_publication_date: "2026/03/14",
      citation_journal_title: "SAILBlogs",
      citation_fulltext_html_url: `${base}/articles/due-diligence-in-cyberspace`,
    });
  });
  it("writes BibTeX with escaped braces and specials, and the URL as is", () => {
    const bib = bibtex(base, article, accessed);
    expect(bib).toMatch(/^@article\{student2026diligence,\n/);
    expect(bib).toContain("title = {{Due diligence in cyberspace: \\{braces\\} \\& 100\\%}}");
    expect(bib).toContain(`url = {${base}/articles/due-diligence-in-cyberspace}`);
    expect(bib).toContain("urldate = {2026-12-07}");
  });
  it("writes RIS records reference managers import", () => {
    const lines = ris(base, article, accessed).split("\r\n");
    expect(lines[0]).toBe("TY  - BLOG");
    expect(lines).toContain("AU  - Student, A.");
    expect(lines).toContain("DA  - 2026/03/14");
    expect(lines.at(-2)).toBe("ER  - ");
  });
  it("writes CSL-JSON and the line to paste", () => {
    expect(cslJson(base, article, accessed)[0]).toMatchObject({
      type: "post-weblog",
      author: [{ family: "Student", given: "A." }],
      issued: { "date-parts": [[2026, 3, 14]] },
    });
    expect(citationText(base, article, accessed)).toBe(
      `A. Student, ‘${article.title}’ (SAILBlogs, 14 March 2026) <${base}/articles/due-diligence-in-cyberspace> accessed 7 December 2026`,
    );
    expect(splitName("Plato")).toEqual({ family: "Plato" });
  });
});

describe("citation styles", () => {
  it("writes Bluebook with the title in italics and abbreviated months", () => {
    const parts = bluebook(base, { ...article, publishedAt: new Date("2026-09-03T10:00:00Z") });
    expect(parts).toContainEqual({ italic: article.title });
    expect(plainText(parts)).toBe(
      `A. Student, ${article.title}, SAILBlogs (Sept. 3, 2026), ${base}/articles/due-diligence-in-cyberspace.`,
    );
  });
  it("writes APA 7 with initials, the date in parentheses and the blog in italics", () => {
    const parts = apa(base, article);
    expect(parts).toContainEqual({ italic: "SAILBlogs" });
    expect(plainText(parts)).toBe(
      `Student, A. (2026, March 14). ${article.title}. SAILBlogs. ${base}/articles/due-diligence-in-cyberspace`,
    );
    expect(apaName("Ada Mary Lovelace")).toBe("Lovelace, A. M.");
    expect(apaName("Jean-Paul Sartre")).toBe("Sartre, J.-P.");
    expect(apaName("Plato")).toBe("Plato");
  });
  it("APA agrees with citeproc's APA style fed our CSL-JSON", async () => {
    const { Cite } = await import("@citation-js/core");
    await import("@citation-js/plugin-csl");
    const plain = { ...article, title: "Due diligence in cyberspace", authorName: "Ada Mary Lovelace" };
    const theirs = new Cite(cslJson(base, plain, accessed)).format("bibliography", {
      format: "text",
      template: "apa",
      lang: "en-US",
    });
    expect(plainText(apa(base, plain))).toBe(String(theirs).trim());
  });
  it("OSCOLA is the paste line", () => {
    expect(plainText(oscola(base, article, accessed))).toBe(citationText(base, article, accessed));
  });
});
