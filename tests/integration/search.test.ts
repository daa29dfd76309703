import { beforeEach, describe, expect, it } from "vitest";
import type { Segment } from "@/lib/search/highlight-segments";
import { highlightEnd, highlightStart } from "@/lib/search/highlight-segments";
import { rankWindow } from "@/lib/search/search-articles";
import { articlesPerSearchPage, searchSite } from "@/lib/search/search-site";
import { makeDraft, publishArticle } from "../seed/articles";
import { insertComment } from "../seed/comments";
import { uniqueWord } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { useTestClock } from "./feeds-fixtures";

// Full-text search through the /search page's own function, on the real PostgreSQL (its tsvector
// triggers, GIN indexes, websearch_to_tsquery, ts_rank and ts_headline).
const marked = (segments: Segment[]) => segments.filter((s) => s.marked).map((s) => s.text.toLowerCase());
const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");

beforeEach(() => useTestClock());

describe("searching articles", () => {
  it("ranks a title match above a body match, even one repeated and newer", async () => {
    const word = uniqueWord();
    const inTitle = await publishArticle({
      title: `On ${word} and the law`,
      body: "Nothing else to say here.",
      published: "2096-01-01",
    });
    const inBody = await publishArticle({
      title: "Something else entirely",
      body: `The ${word} doctrine. More on ${word}. Again ${word}, and ${word} once more.`,
      published: "2096-06-01",
    });
    const { articles } = await searchSite(word);
    expect(articles.hits.map((h) => h.slug)).toEqual([inTitle.slug, inBody.slug]);
    expect(articles.hits[0].rank).toBeGreaterThan(articles.hits[1].rank);
    expect(articles).toMatchObject({ total: 2, more: false, available: 2 });
  });

  it("ranks an old article whose title matches first, past the newest matches it ranks in full", async () => {
    const word = uniqueWord();
    const old = await publishArticle({ title: `The ${word} question`, body: "An old piece.", published: "2090-01-01" });
    // More newer body matches than the ranking window holds.
    for (let i = 0; i < rankWindow + 5; i++) {
      await publishArticle({
        title: `Newer piece ${i}`,
        body: `It mentions ${word} in passing.`,
        published: new Date(Date.UTC(2094, 0, 1 + i)).toISOString().slice(0, 10),
      });
    }
    const { articles } = await searchSite(word);
    expect(articles.hits[0].slug).toBe(old.slug);
    expect(articles.total).toBe(rankWindow + 6);
    expect(articles.available).toBe(rankWindow + 1);
    // An excluded word is excluded from title matches too.
    const excluding = await searchSite(`${word} -piece`);
    expect(excluding.articles.hits).toEqual([]);
    expect(excluding.articles.total).toBe(0);
    expect((await searchSite(`${word} -question`)).articles.hits.map((h) => h.slug)).not.toContain(old.slug);
  }, 120_000);

  it("highlights the words found in the title and in a snippet of the body, as plain text", async () => {
    const word = uniqueWord();
    const { slug } = await publishArticle({
      title: `Cyber ${word} & <b>sanctions</b>`,
      body: `${"Filler words before the match. ".repeat(60)}The attacks on ${word} were <script>alert(1)</script> widely condemned.\n\nAnother paragraph.`,
      published: "2096-02-01",
    });
    const { articles } = await searchSite(`${word} attack`);
    const hit = articles.hits.find((h) => h.slug === slug)!;
    expect(hit).toBeTruthy();
    expect(marked(hit.title)).toEqual([word]);
    expect(plain(hit.title)).toBe(`Cyber ${word} & <b>sanctions</b>`);
    expect(marked(hit.snippet)).toEqual(expect.arrayContaining([word, "attacks"]));
    // The match is deep in the body: the snippet is the stretch around it, not the opening words.
    expect(plain(hit.snippet)).toMatch(/^… /);
    for (const s of [...hit.title, ...hit.snippet])
      expect(s.text).not.toMatch(new RegExp(`[${highlightStart}${highlightEnd}]`));
  });

  it("keeps the break between a paragraph and the heading after it visible in a snippet", async () => {
    const word = uniqueWord();
    const { slug } = await publishArticle({
      title: "Blocks apart",
      body: `Witnessed by the international ${word} community.\n\n## Iranian Cyber-Attacks\n\nIran in complete violation of sovereignty.`,
      published: "2096-02-02",
    });
    const hit = (await searchSite(word)).articles.hits.find((h) => h.slug === slug)!;
    expect(plain(hit.snippet)).toContain("community. · Iranian Cyber-Attacks · Iran in complete");
    expect(plain(hit.snippet)).not.toContain("\n");
  });

  it("finds inflected forms (English stemming) and phrases only when the words are adjacent", async () => {
    const word = uniqueWord();
    const adjacent = await publishArticle({
      title: "Adjacent",
      body: `The ${word} attacked the networks.`,
      published: "2096-03-01",
    });
    const apart = await publishArticle({
      title: "Apart",
      body: `The networks were attacked; ${word} denied it.`,
      published: "2096-03-02",
    });
    expect((await searchSite(`${word} attacks`)).articles.hits.map((h) => h.slug).sort()).toEqual(
      [adjacent.slug, apart.slug].sort(),
    );
    const phrase = await searchSite(`"${word} attacks"`);
    expect(phrase.articles.hits.map((h) => h.slug)).toEqual([adjacent.slug]);
    expect(phrase.articles.total).toBe(1);
    expect((await searchSite(`${word} -networks`)).articles.hits).toEqual([]);
    expect((await searchSite(`${word} or zzzznothing`)).articles.hits).toHaveLength(2);
  });

  it("never finds drafts or articles scheduled for later", async () => {
    const word = uniqueWord();
    const draft = await publishArticle({ title: `Draft ${word}`, body: `Draft ${word}.`, published: "2096-04-01" });
    await makeDraft(draft.id);
    await publishArticle({ title: `Future ${word}`, body: `Future ${word}.`, published: "2100-03-01" });
    const { articles, comments } = await searchSite(word);
    expect(articles).toMatchObject({ total: 0, hits: [] });
    expect(comments.total).toBe(0);
  });

  it("pages through the results without repeating one", async () => {
    const word = uniqueWord();
    for (let i = 1; i <= 12; i++)
      await publishArticle({
        title: `Paged ${i}`,
        body: `Body with ${word} number ${i}.`,
        published: `2096-05-${String(i).padStart(2, "0")}`,
      });
    const first = await searchSite(word, 1);
    const second = await searchSite(word, "2");
    const beyond = await searchSite(word, 3);
    expect(first.articles.hits).toHaveLength(articlesPerSearchPage);
    expect(second.articles.hits).toHaveLength(12 - articlesPerSearchPage);
    expect(beyond.articles.hits).toHaveLength(0);
    expect(first.pageCount).toBe(2);
    expect(new Set([...first.articles.hits, ...second.articles.hits].map((h) => h.slug)).size).toBe(12);
    for (const r of [first, second, beyond]) expect(r.articles.total).toBe(12);
    expect((await searchSite(word, "-5")).page).toBe(1);
    expect((await searchSite(word, "abc")).page).toBe(1);
  });

  it("treats an empty query, stop words alone or only exclusions as no search", async () => {
    for (const q of [
      "",
      "   ",
      undefined,
      null,
      ["", "x"],
      "the of and",
      "-albania",
      "-law -order",
      "-a -b",
      "<b></b>",
    ]) {
      const result = await searchSite(q);
      expect(result.articles.hits, JSON.stringify(q)).toEqual([]);
      expect(result.comments.hits, JSON.stringify(q)).toEqual([]);
    }
  });
});

describe("searching comments", () => {
  it("finds approved comments on published articles only, with their author and article", async () => {
    const word = uniqueWord();
    const article = await publishArticle({ title: "A discussed piece", body: "Body.", published: "2096-07-01" });
    const draft = await publishArticle({ title: "A draft", body: "Body.", published: "2096-07-02" });
    await makeDraft(draft.id);
    const { viewer } = await createTestUser({ name: "Searchable Reader" });
    const approved = await insertComment(article.id, `I agree about ${word}, strongly.`, { authorId: viewer.id });
    const imported = await insertComment(article.id, `Also ${word} from the old blog.`, {
      authorName: "Old Blog Reader",
      createdAt: new Date("2096-07-03T00:00:00Z"),
    });
    await insertComment(article.id, `Pending ${word}`, { status: "pending" });
    await insertComment(article.id, `Spam ${word}`, { status: "spam" });
    await insertComment(article.id, `Trash ${word}`, { status: "trash" });
    await insertComment(article.id, `Deleted ${word}`, { deleted: true });
    await insertComment(draft.id, `On a draft ${word}`);

    const { comments } = await searchSite(word);
    expect(comments.hits.map((h) => h.id).sort()).toEqual([approved, imported].sort());
    expect(comments.total).toBe(2);
    const hit = comments.hits.find((h) => h.id === approved)!;
    expect(hit).toMatchObject({
      articleSlug: article.slug,
      articleTitle: "A discussed piece",
      author: "Searchable Reader",
    });
    expect(marked(hit.snippet)).toEqual([word]);
    expect(comments.hits.find((h) => h.id === imported)?.author).toBe("Old Blog Reader");
  });
});

describe("queries with operators, punctuation or odd characters", () => {
  const nasty = [
    `"`,
    `""`,
    `"""`,
    `'`,
    `''`,
    `\\`,
    `&`,
    `|`,
    `!`,
    `(`,
    `)`,
    `:`,
    `*`,
    `&|!():*`,
    `a & b | !c`,
    `(a | b) & c`,
    `a:*`,
    `:*`,
    `a:A`,
    `a:*:*`,
    `'a':A`,
    `a <-> b`,
    `<->`,
    `<2>`,
    `a <3> b`,
    `!!!`,
    `(((`,
    `)))`,
    `-`,
    `--`,
    `- -`,
    `or`,
    `OR`,
    `or or or`,
    `and`,
    `not`,
    `"unclosed phrase`,
    `phrase "inside" "twice"`,
    `"-negated phrase"`,
    `-"negated phrase"`,
    `'; DROP TABLE "Article"; --`,
    `%`,
    `_`,
    `%_%`,
    `$1`,
    `?`,
    `\u0000`,
    `a\u0000b`,
    `\uD800`,
    `\uDFFF lone`,
    `\u202E right-to-left override`,
    `\u200B`,
    `naïve café`,
    `Ελληνικά`,
    `日本語のテキスト`,
    `العربية`,
    `עברית`,
    `😀`,
    `👩🏽‍⚖️ law`,
    `<script>alert(1)</script>`,
    `<b>bold</b>`,
    `&amp;`,
    `&#x27;`,
    `${highlightStart}x${highlightEnd}`,
    `x`.repeat(1000),
    `word `.repeat(250),
    `a`.repeat(5000),
    `${"(".repeat(200)}x${")".repeat(200)}`,
    `"${"a ".repeat(300)}"`,
    `-${"x".repeat(3000)}`,
    `http://example.com/path?q=1&r=2`,
    `user@example.com`,
    `C:\\Windows\\System32`,
    `/usr/bin/env`,
    `1,000`,
    `3.14159`,
    `-1`,
    `1e10`,
    `0x1F`,
    `2022-10-05`,
    `cyber-attacks`,
    `NATO's`,
    `U.S.A.`,
    `O'Brien`,
    `\t\n\r`,
    `a\tb\nc`,
    `\u00A0nbsp`,
    `\uFEFFbom`,
  ];
  it("never throw, whatever the query", async () => {
    for (const q of nasty) {
      const result = await searchSite(q).catch((e: unknown) => {
        throw new Error(`query ${JSON.stringify(q.slice(0, 60))} threw: ${String(e)}`);
      });
      expect(Array.isArray(result.articles.hits)).toBe(true);
      expect(Array.isArray(result.comments.hits)).toBe(true);
      expect(Array.from(result.query).length).toBeLessThanOrEqual(200);
    }
  });

  it("still finds words among the punctuation", async () => {
    const word = uniqueWord();
    const { slug } = await publishArticle({ title: `Punctuated ${word}`, body: "Body.", published: "2096-08-01" });
    for (const q of [`(${word})`, `${word}!`, `"${word}"`, `${word}:*`, `'${word}'`, `${word} &| ()`, `<b>${word}</b>`])
      expect(
        (await searchSite(q)).articles.hits.map((h) => h.slug),
        q,
      ).toContain(slug);
  });
});
