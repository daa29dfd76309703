import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleMetaSchema, parseArticleSource } from "./parse-article-source";

const seedSource = readFileSync(new URL("../../../shared/content/seed-article.md", import.meta.url), "utf8");

const withMeta = (lines: string[], body = "Body.") => `---\n${lines.join("\n")}\n---\n\n${body}\n`;
const minimal = ["title: A title", "slug: a-title", "author: Someone", "published: 2024-01-31"];

describe("parseArticleSource", () => {
  it("reads the seed article's front matter", () => {
    const { meta } = parseArticleSource(seedSource);
    expect(meta).toEqual({
      title: "Iranian and Albanian conflict in lieu of the recent cyber-attacks",
      slug: "iranian-and-albanian-conflict-in-lieu-of-the-recent-cyber-attacks",
      author: "Jinen Lakdawala",
      affiliation: "SVKM’s Pravin Gandhi College of Law, Mumbai University",
      credit: "Edited By : SAILBlogs Editorial Board",
      publication: "SAILBlogs",
      published: "2022-10-05",
    });
  });

  it("returns the Markdown body without the front matter", () => {
    const { body } = parseArticleSource(seedSource);
    expect(body.startsWith("Earlier at the beginning of last month, Albania announced")).toBe(true);
    expect(body).not.toContain("---");
    expect(body.match(/^## /gm)).toHaveLength(3);
    expect(body.endsWith("The actions are not in proportion to be justified as an act of self-defence.")).toBe(true);
  });

  it("leaves affiliation, credit and publication optional", () => {
    const { meta, body } = parseArticleSource(withMeta(minimal));
    expect(meta).toEqual({ title: "A title", slug: "a-title", author: "Someone", published: "2024-01-31" });
    expect(body).toBe("Body.");
  });

  it("accepts an unquoted YAML date and a numeric title", () => {
    const { meta } = parseArticleSource(withMeta(["title: 1984", "slug: s", "author: A", "published: 2022-10-05"]));
    expect(meta.title).toBe("1984");
    expect(meta.published).toBe("2022-10-05");
  });

  it.each(["title", "slug", "author", "published"])("names the missing field %s", (field) => {
    const source = withMeta(minimal.filter((line) => !line.startsWith(`${field}:`)));
    expect(() => parseArticleSource(source)).toThrow(`missing the field "${field}"`);
  });

  it("refuses a source without front matter", () => {
    expect(() => parseArticleSource("Just a body.")).toThrow(/missing the field "title"/);
  });

  it("names an invalid field", () => {
    expect(() => parseArticleSource(withMeta([...minimal.slice(0, 3), "published: next tuesday"]))).toThrow(
      /field "published" is invalid/,
    );
    expect(() =>
      parseArticleSource(withMeta(["title: T", "slug: Not A Slug", "author: A", "published: 2024-01-31"])),
    ).toThrow(/field "slug" is invalid/);
    expect(() => parseArticleSource(withMeta([...minimal.slice(0, 3), 'published: "2024-01-31T09:30:00Z"']))).toThrow(
      /field "published" is invalid: must be an ISO date/,
    );
    expect(() => parseArticleSource(withMeta(['title: "  "', ...minimal.slice(1)]))).toThrow(
      /field "title" is invalid/,
    );
  });

  it("refuses front matter that is not YAML instead of evaluating it", () => {
    const script = "---js\n{ title: (globalThis.__evaluated = 'yes') }\n---\nBody";
    expect(() => parseArticleSource(script)).toThrow(/only YAML front matter/);
    expect((globalThis as Record<string, unknown>).__evaluated).toBeUndefined();
    expect(() => parseArticleSource("---\ntitle: [\n---\nBody")).toThrow(/front matter could not be read/);
  });

  it("exports the schema for reuse", () => {
    expect(articleMetaSchema.safeParse({ title: "T", slug: "t", author: "A", published: "2024-02-30" }).success).toBe(
      false,
    );
  });
});
