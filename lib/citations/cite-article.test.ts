import { describe, expect, it } from "vitest";
import { bibtex, citationText, cslJson, ris, scholarMeta, splitName } from "./cite-article";

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
