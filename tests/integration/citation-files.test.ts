import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { GET as getBib } from "@/app/(reader)/articles/[slug]/cite.bib/route";
import { GET as getJson } from "@/app/(reader)/articles/[slug]/cite.json/route";
import { GET as getRis } from "@/app/(reader)/articles/[slug]/cite.ris/route";
import { createArticle } from "@/lib/articles/create-article";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { siteUrl } from "@/lib/env";
import { publication } from "@/lib/site";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";

// The three files a reference manager imports, as the app serves them, read back by Citation.js
// (the parser Zotero's translators are checked against): what went in comes out.

type CslItem = {
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  issued?: { "date-parts"?: number[][] };
  URL?: string;
  "container-title"?: string;
};

async function served(route: typeof getBib, slug: string) {
  const response = await route(new Request(`${siteUrl()}/articles/${slug}/cite`), {
    params: Promise.resolve({ slug }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe("citation files parse back with a real parser", () => {
  it("BibTeX, RIS and CSL-JSON each carry the title, authors, date and URL", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    const slug = uniqueSlug("cite-parse");
    const title = "Due diligence & {state} responsibility: 100% of the $cost_ #1";
    await createArticle(editor, {
      title,
      slug,
      body: "A short body.",
      author: "Ada Mary Lovelace",
      status: "published",
    });
    const found = await getPublishedArticle(slug);
    const date = found && "article" in found ? found.article.publishedAt! : new Date(Number.NaN);
    const parts = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const url = `${siteUrl()}/articles/${slug}`;

    for (const [format, route] of [
      ["bib", getBib],
      ["ris", getRis],
      ["json", getJson],
    ] as const) {
      const text = await served(route, slug);
      const items = (await Cite.async(text)).data as CslItem[];
      expect(items, format).toHaveLength(1);
      const [item] = items;
      expect(item.title, format).toBe(title);
      expect(item.author, format).toEqual([{ family: "Lovelace", given: "Ada Mary" }]);
      expect(item.issued?.["date-parts"]?.[0], format).toEqual(parts);
      expect(item.URL, format).toBe(url);
      expect(item["container-title"], format).toBe(publication.name);
    }
  });
});
