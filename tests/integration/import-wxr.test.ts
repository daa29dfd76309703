import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importWxr } from "@/lib/import/import-wxr";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";
import { articleOf, blogExport, commentsOf, exportFile, fixture, rowCounts } from "./import-helpers";

const noTags = (html: string) => html.replace(/ data-block-id="[^"]+"/g, "");

describe("importWxr: a WordPress export (WXR 1.2)", () => {
  it("imports posts and comments and counts what it skipped", async () => {
    const { site, file } = blogExport();
    const report = await importWxr("command-line", file);
    expect(report).toEqual({
      site,
      version: "1.2",
      articles: { created: 3, updated: 0, unchanged: 0, kept: 0 },
      drafts: 1,
      comments: { created: 7, updated: 0, unchanged: 0, kept: 0 },
      skipped: { pages: 1, attachments: 1, otherPosts: 0, spam: 1, pingbacks: 1, trackbacks: 1, otherComments: 0 },
      failed: [],
      imported: expect.any(Array),
      notListed: 0,
      // No --media-dir: each image (the attachment's file is the classic post's map) stays where it was.
      images: {
        imported: 0,
        notImported: [
          {
            src: `${site}/wp-content/uploads/map.png`,
            post: "“The treaty, classic edition” (post 10)",
            reason: "no media folder was given (--media-dir)",
          },
          {
            src: `${site}/wp-content/uploads/border.jpg`,
            post: "“Blocks & borders: a block-editor post” (post 20)",
            reason: "no media folder was given (--media-dir)",
          },
        ],
      },
    });
    // The summary lists each imported article with its new address (issue 18, item 5).
    expect(report.imported).toHaveLength(3);
    for (const entry of report.imported) {
      const article = await db.article.findUniqueOrThrow({ where: { slug: entry.path.replace(/^\/articles\//, "") } });
      expect(article.importKey?.startsWith(`${site}#post-`)).toBe(true);
      expect(entry).toEqual({
        title: article.title,
        path: `/articles/${article.slug}`,
        outcome: "created",
        status: article.status,
      });
    }
    const comments = await commentsOf(site);
    expect([...comments.keys()].sort()).toEqual(["101", "102", "103", "107", "108", "109", "201"]);
  });

  it("makes published posts published articles: title, slug, date, byline, excerpt, categories, tags", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const classic = await articleOf(site, 10);
    expect(classic).toMatchObject({
      title: "The treaty, classic edition",
      authorName: "Alice Archer",
      status: "published",
      publishedAt: new Date("2024-02-15T08:30:00Z"),
      excerpt: "A short summary of the treaty.",
      draftRevisionId: null,
    });
    expect(classic.slug).toMatch(/^the-treaty(-\d+)?$/);
    expect(classic.categories).toEqual([{ slug: "treaties", name: "Treaties" }]);
    expect(classic.tags).toEqual([
      { slug: "cyber", name: "Cyber" },
      { slug: "un-charter", name: "UN Charter" },
    ]);
    expect(classic.currentRevision).toMatchObject({ number: 1, createdById: null });
    expect(classic.searchText).toBe(classic.currentRevision!.text);

    const block = await articleOf(site, 20);
    expect(block).toMatchObject({
      title: "Blocks & borders: a block-editor post",
      authorName: "Bob Brandt",
      excerpt: "Borders are drawn with care and ink.",
    });
    expect(block.categories.map((c) => c.slug)).toEqual(["borders", "treaties"]);
  });

  it("keeps headings, paragraphs, lists, quotes, links and emphasis; drops scripts and iframes; links images it has no file of", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const classic = noTags((await articleOf(site, 10)).currentRevision!.html);
    expect(classic).toContain(
      "<p>The opening paragraph has <strong>strong words</strong> and <em>emphasis</em>.<br>\nA second line of the same paragraph.</p>",
    );
    expect(classic).toContain("<h2>What the treaty says</h2>");
    expect(classic).toContain(`<a href="https://treaties.example.org/art2" title="Article 2">the text here</a>`);
    expect(classic).toMatch(/<ul>\s*<li>Sovereign equality<\/li>\s*<li>Peaceful settlement<\/li>\s*<\/ul>/);
    expect(classic).toMatch(/<ol>\s*<li>First step<\/li>\s*<li>Second step<\/li>\s*<\/ol>/);
    expect(classic).toMatch(
      /<blockquote>\s*<p>States shall refrain from the threat or use of force.<\/p>\s*<\/blockquote>/,
    );
    expect(classic).toContain("<h3>Further reading</h3>");
    expect(classic).toContain(
      `<p><a href="${site}/wp-content/uploads/map.png">Image: A map of the region</a> The region in 2024</p>`,
    );
    expect(classic).toContain(`See this harmless-looking link and <a href="https://example.org/paper">the paper</a>.`);
    for (const gone of ["<script", "document.write", "<iframe", "video.example.com", "<img", "javascript:", "[caption"])
      expect(classic).not.toContain(gone);

    const block = noTags((await articleOf(site, 20)).currentRevision!.html);
    expect(block).toContain("<p>Borders are drawn with <em>care</em> and <strong>ink</strong>.</p>");
    expect(block).toContain("<h3>Three principles</h3>");
    expect(block).toMatch(/<ul>\s*<li>Uti possidetis<\/li>\s*<li>Self-determination<\/li>\s*<\/ul>/);
    expect(block).toMatch(
      /<blockquote>\s*<p>Frontiers are the razor's edge.<\/p>\s*<p>Lord Curzon<\/p>\s*<\/blockquote>/,
    );
    expect(block).toContain(`<a href="https://example.org/borders">more about borders</a>`);
    expect(block).toContain(`<p><a href="${site}/wp-content/uploads/border.jpg">Image: A border post</a></p>`);
    for (const gone of ["wp:", "<script", "block script", "<img"]) expect(block).not.toContain(gone);
  });

  it("makes drafts drafts: no date, body in the draft revision, slug from the title", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const draft = await articleOf(site, 30);
    expect(draft).toMatchObject({
      status: "draft",
      publishedAt: null,
      currentRevisionId: null,
      searchText: "",
      authorName: "Alice Archer",
    });
    expect(draft.slug).toMatch(/^notes-for-a-later-post(-\d+)?$/);
    expect(draft.draftRevision).toMatchObject({ number: 1, body: "Unfinished thoughts." });
  });

  it("threads comments by wp:comment_parent, a reply written before its parent included", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const c = await commentsOf(site);
    const article = await articleOf(site, 10);
    const get = (id: string) => c.get(id)!;
    expect(get("101")).toMatchObject({ parentId: null, threadId: get("101").id, depth: 0, articleId: article.id });
    expect(get("102")).toMatchObject({ parentId: get("101").id, threadId: get("101").id, depth: 1 });
    expect(get("103")).toMatchObject({ parentId: get("102").id, threadId: get("101").id, depth: 2 });
    expect(get("108")).toMatchObject({ parentId: get("101").id, depth: 1 });
    // Its parent was spam, which is not imported: the reply starts a thread of its own.
    expect(get("109")).toMatchObject({ parentId: null, threadId: get("109").id, depth: 0 });
  });

  it("keeps each commenter's name, date and status; bodies are sanitized like new comments", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const c = await commentsOf(site);
    expect(Object.fromEntries([...c].map(([id, r]) => [id, r.status]))).toEqual({
      "101": "approved",
      "102": "approved",
      "103": "approved",
      "107": "trash",
      "108": "pending",
      "109": "approved",
      "201": "approved",
    });
    for (const comment of c.values()) expect(comment.authorId).toBeNull();
    expect(c.get("101")).toMatchObject({ authorName: "Dan Reader", createdAt: new Date("2024-02-15T09:00:00Z") });
    expect(c.get("101")!.html).toBe(
      `<p>Great post!<br>\nThanks for <em>writing</em> it.</p>\n<p>Second paragraph with a <a href="https://dan.example.net" rel="nofollow ugc noopener">link</a>.</p>`,
    );
    expect(c.get("102")!.body).toBe("Thank you, Dan. Code looks like `a < b` and the end marker ]]> survives.");
    expect(c.get("201")).toMatchObject({ authorName: "Hana & Co", body: "Entities & such: café — fine." });
  });

  it("reads WXR 1.1 too", async () => {
    const site = `http://older-${Date.now()}.example.com`;
    const file = exportFile(fixture("blog-1.1.xml").replaceAll("http://older.example.com", site));
    const report = await importWxr("command-line", file);
    expect(report).toMatchObject({ version: "1.1", articles: { created: 1 }, comments: { created: 2 }, failed: [] });
    const article = await articleOf(site, 5);
    expect(article).toMatchObject({
      title: "Hello from 2011",
      authorName: "Olga Older",
      publishedAt: new Date("2011-05-10T14:00:00Z"),
    });
    expect(noTags(article.currentRevision!.html)).toContain("<h4>Small heading</h4>");
    const c = await commentsOf(site);
    expect(c.get("2")!.parentId).toBe(c.get("1")!.id);
  });

  it("gives a post whose address is taken another one", async () => {
    const first = blogExport();
    await importWxr("command-line", first.file);
    const second = blogExport();
    await importWxr("command-line", second.file);
    const [a, b] = [await articleOf(first.site, 10), await articleOf(second.site, 10)];
    expect(b.slug).not.toBe(a.slug);
    expect(b.slug).toMatch(/^the-treaty-\d+$/);
  });

  it("is for admins (and the command line) only", async () => {
    const { file } = blogExport();
    await expectAppError(importWxr(null, file), "unauthorized");
    for (const role of ["commenter", "moderator", "editor"] as const) {
      const { viewer } = await createTestUser({ role, label: `import-${role}` });
      await expectAppError(importWxr(viewer, file), "forbidden");
    }
    const { viewer: admin } = await createTestUser({ role: "admin", label: "import-admin" });
    expect((await importWxr(admin, file)).articles.created).toBe(3);
  });
});

describe("importWxr: files it refuses, writing nothing", () => {
  const cases: [string, () => string, RegExp][] = [
    [
      "malformed XML",
      () => exportFile(fixture("malformed.xml")),
      /^the file is not well-formed XML \(line 15: unexpected close tag\)$/,
    ],
    [
      "a truncated export",
      () => {
        const text = blogExport().text;
        return exportFile(text.slice(0, Math.floor(text.length * 0.6)));
      },
      /^the file is not well-formed XML \(line \d+: /,
    ],
    [
      "an RSS feed that is not a WordPress export",
      () => exportFile(fixture("not-wxr.xml")),
      /^the file is not a WordPress export \(WXR 1\.1 or 1\.2\): it does not declare the wp: export namespace$/,
    ],
    [
      "a billion-laughs DTD",
      () => exportFile(fixture("billion-laughs.xml")),
      /^the file declares a DTD or entities, which is not allowed$/,
    ],
    [
      "an external entity (XXE)",
      () => exportFile(fixture("xxe.xml")),
      /^the file declares a DTD or entities, which is not allowed$/,
    ],
    ["an empty file", () => exportFile(""), /^the file is empty$/],
  ];
  for (const [name, file, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await rowCounts();
      const error = await expectAppError(importWxr("command-line", file()), "bad_request");
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("\n");
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("refuses a truncated file even when its valid part is long: pass 1 reads it all before writing", async () => {
    const posts = Array.from({ length: 50 }, (_, i) =>
      fixture("blog-1.2.xml")
        .match(/<item>[\s\S]*?<\/item>/g)![1]
        .replace(/<wp:post_id>10</, `<wp:post_id>${1000 + i}<`),
    ).join("\n");
    const text = blogExport().text.replace("</channel>", `${posts}</channel>`);
    const before = await rowCounts();
    await expect(importWxr("command-line", exportFile(text.slice(0, text.length - 40)))).rejects.toBeInstanceOf(
      AppError,
    );
    expect(await rowCounts()).toEqual(before);
  });
});
