import { resolveRobots, resolveSitemap } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as commentFeed } from "@/app/(reader)/articles/[slug]/comments.xml/route";
import { GET as atomFeed } from "@/app/feed.atom/route";
import { GET as rssFeed } from "@/app/feed.xml/route";
import robotsRoute from "@/app/robots";
import sitemapRoute from "@/app/sitemap";
import { authorSlug } from "@/lib/articles/author-slug";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { rfc822 } from "@/lib/feeds/xml";
import { makeDraft, publishArticle } from "../seed/articles";
import { insertComment } from "../seed/comments";
import { unique, uniqueWord } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { childrenNamed, childText, parseXml, type XmlElement } from "../support/parse-xml";
import { testNow, useTestClock } from "./feeds-fixtures";

const nastyTitle = `Tom & Jerry's <script>alert("x")</script> ]]> “quoted” — ${"\u{1F600}"}`;
const nastyBody =
  "A paragraph with <b>raw tags</b>, an ampersand & a ]]> sequence, and a [link](https://example.com/?a=1&b=2).\n\n## A heading\n\nSecond paragraph.";
const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** Every published article, newest first, as the feeds must list them (one plain query). */
async function expectedNewest(take: number) {
  return db.article.findMany({
    where: { status: "published", publishedAt: { lte: testNow }, currentRevisionId: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { slug: true, title: true, currentRevision: { select: { html: true } } },
  });
}

let nasty: { id: string; slug: string };
let draft: { id: string; slug: string };
let future: { id: string; slug: string };
const draftTitle = unique("Draft never in feeds");
const futureTitle = unique("Future never in feeds");

beforeAll(async () => {
  useTestClock();
  // 22 articles late in 2099: more than a feed holds, and the newest of all.
  for (let day = 1; day <= 21; day++)
    await publishArticle({
      title: unique(`Feed filler ${day}`),
      body: `Filler body ${day}.`,
      published: `2099-11-${String(day).padStart(2, "0")}`,
    });
  nasty = await publishArticle({
    title: nastyTitle,
    body: nastyBody,
    published: "2099-12-20",
    author: "Zoë <O'Brien> & Co",
    affiliation: "Law & Order School",
    tags: ["Cyber&Law"],
    categories: [{ slug: "feeds-test", name: "Feeds <Test> & Co" }],
  });
  draft = await publishArticle({ title: draftTitle, body: "Draft body.", published: "2099-12-21" });
  await makeDraft(draft.id);
  future = await publishArticle({ title: futureTitle, body: "Future body.", published: "2100-06-01" });
});

beforeEach(() => useTestClock());

describe("/feed.xml (RSS 2.0)", () => {
  it("is well-formed RSS 2.0 with the 20 newest published articles, newest first", async () => {
    const response = await rssFeed(get("/feed.xml"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const rss = parseXml(await response.text());
    expect(rss.name).toBe("rss");
    expect(rss.attributes.version).toBe("2.0");
    const [channel] = childrenNamed(rss, "channel");
    expect(childText(channel, "title")).toBe("SAILBlogs");
    expect(childText(channel, "link")).toBe(`${siteUrl()}/`);
    expect(childrenNamed(channel, "atom:link")[0].attributes).toMatchObject({
      rel: "self",
      href: `${siteUrl()}/feed.xml`,
    });
    const items = childrenNamed(channel, "item");
    expect(items).toHaveLength(20);
    expect(items.map((i) => childText(i, "link"))).toEqual(
      (await expectedNewest(20)).map((a) => `${siteUrl()}/articles/${a.slug}`),
    );
  });

  it("escapes titles, names and the full HTML body, which read back exactly", async () => {
    const channel = childrenNamed(parseXml(await (await rssFeed(get("/feed.xml"))).text()), "channel")[0];
    const item = childrenNamed(channel, "item").find((i) => childText(i, "title") === nastyTitle) as XmlElement;
    expect(item).toBeTruthy();
    const url = `${siteUrl()}/articles/${nasty.slug}`;
    expect(childText(item, "link")).toBe(url);
    expect(childrenNamed(item, "guid")[0]).toMatchObject({ text: url, attributes: { isPermaLink: "true" } });
    expect(childText(item, "pubDate")).toBe(rfc822(new Date("2099-12-20T09:00:00Z")));
    expect(childText(item, "pubDate")).toBe("Sun, 20 Dec 2099 09:00:00 GMT");
    expect(childText(item, "dc:creator")).toBe("Zoë <O'Brien> & Co");
    expect(
      childrenNamed(item, "category")
        .map((c) => c.text)
        .sort(),
    ).toEqual(["Articles", "Cyber&Law", "Feeds <Test> & Co"]);
    const { currentRevision } = await db.article.findUniqueOrThrow({
      where: { id: nasty.id },
      select: { currentRevision: { select: { html: true } } },
    });
    expect(childText(item, "content:encoded")).toBe(currentRevision!.html);
    expect(childText(item, "content:encoded")).toContain("<h2");
    expect(childText(item, "wfw:commentRss")).toBe(`${url}/comments.xml`);
  });

  it("leaves out drafts and articles scheduled for later", async () => {
    const text = await (await rssFeed(get("/feed.xml"))).text();
    expect(text).not.toContain(draftTitle);
    expect(text).not.toContain(futureTitle);
    expect(text).not.toContain(draft.slug);
    expect(text).not.toContain(future.slug);
  });

  it("answers 304 to a reader that has the current version", async () => {
    const first = await rssFeed(get("/feed.xml"));
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await rssFeed(get("/feed.xml", { "if-none-match": etag }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("/feed.atom (Atom 1.0)", () => {
  it("is a well-formed Atom feed with the same 20 articles and their full content", async () => {
    const response = await atomFeed(get("/feed.atom"));
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseXml(await response.text());
    expect(feed.name).toBe("feed");
    expect(feed.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(childText(feed, "id")).toBe(`${siteUrl()}/`);
    expect(childText(feed, "updated")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(childrenNamed(feed, "link").find((l) => l.attributes.rel === "self")?.attributes.href).toBe(
      `${siteUrl()}/feed.atom`,
    );
    const entries = childrenNamed(feed, "entry");
    const expected = await expectedNewest(20);
    expect(entries.map((e) => childText(e, "id"))).toEqual(expected.map((a) => `${siteUrl()}/articles/${a.slug}`));
    for (const entry of entries) {
      expect(childText(entry, "title")).toBeTruthy();
      expect(childText(entry, "updated")).toBeTruthy();
      expect(childText(childrenNamed(entry, "author")[0], "name")).toBeTruthy();
    }
    const entry = entries.find((e) => childText(e, "title") === nastyTitle)!;
    expect(childText(entry, "published")).toBe("2099-12-20T09:00:00.000Z");
    const content = childrenNamed(entry, "content")[0];
    expect(content.attributes.type).toBe("html");
    expect(content.text).toBe(expected.find((a) => a.slug === nasty.slug)!.currentRevision!.html);
    expect(childText(childrenNamed(entry, "author")[0], "name")).toBe("Zoë <O'Brien> & Co");
    const text = await (await atomFeed(get("/feed.atom"))).text();
    expect(text).not.toContain(draftTitle);
    expect(text).not.toContain(futureTitle);
  });
});

describe("/articles/<slug>/comments.xml", () => {
  it("lists the approved comments newest first, each linking to its permalink", async () => {
    const article = await publishArticle({ title: "Discussed & debated", body: "Body.", published: "2099-10-01" });
    const { viewer } = await createTestUser({ name: "Ann <Reader>" });
    const oldest = await insertComment(article.id, "First & oldest <b>comment</b>", {
      authorId: viewer.id,
      createdAt: new Date("2099-10-02T10:00:00Z"),
    });
    const newest = await insertComment(article.id, "Newest comment ]]> here", {
      authorName: "Imported Commenter",
      createdAt: new Date("2099-10-03T10:00:00Z"),
    });
    const pending = await insertComment(article.id, `Pending ${uniqueWord()}`, { status: "pending" });
    const spam = await insertComment(article.id, `Spam ${uniqueWord()}`, { status: "spam" });
    const removed = await insertComment(article.id, `Deleted ${uniqueWord()}`, { deleted: true });

    const response = await commentFeed(get(`/articles/${article.slug}/comments.xml`), params(article.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const text = await response.text();
    const channel = childrenNamed(parseXml(text), "channel")[0];
    expect(childText(channel, "title")).toBe("Comments on “Discussed & debated” · SAILBlogs");
    const items = childrenNamed(channel, "item");
    const permalink = (id: string) => `${siteUrl()}/articles/${article.slug}/comments/${id}`;
    expect(items.map((i) => childText(i, "link"))).toEqual([permalink(newest), permalink(oldest)]);
    expect(items.map((i) => childText(i, "guid"))).toEqual([permalink(newest), permalink(oldest)]);
    expect(items.map((i) => childText(i, "dc:creator"))).toEqual(["Imported Commenter", "Ann <Reader>"]);
    expect(childText(items[1], "description")).toBe("<p>First &amp; oldest &lt;b>comment&lt;/b></p>");
    expect(childText(items[0], "pubDate")).toBe("Sat, 03 Oct 2099 10:00:00 GMT");
    for (const hidden of [pending, spam, removed]) expect(text).not.toContain(hidden);
  });

  it("is 404 for an unknown article, a draft or one not yet published", async () => {
    for (const slug of ["no-such-article", draft.slug, future.slug, "Bad Slug!"]) {
      const response = await commentFeed(get(`/articles/${slug}/comments.xml`), params(slug));
      expect(response.status, slug).toBe(404);
    }
  });

  it("is an empty, well-formed feed for an article without comments", async () => {
    const article = await publishArticle({ title: "Quiet", body: "Body.", published: "2099-10-05" });
    const channel = childrenNamed(
      parseXml(await (await commentFeed(get("/x"), params(article.slug))).text()),
      "channel",
    )[0];
    expect(childrenNamed(channel, "item")).toEqual([]);
  });
});

// app/sitemap.ts and app/robots.ts, written out by Next's own serializers as the server does.
describe("/sitemap.xml and /robots.txt", () => {
  it("lists every published article with its lastmod, and the archive pages, but no draft", async () => {
    const urlset = parseXml(resolveSitemap(await sitemapRoute()));
    expect(urlset.name).toBe("urlset");
    expect(urlset.attributes.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const entries = new Map(childrenNamed(urlset, "url").map((u) => [childText(u, "loc")!, childText(u, "lastmod")]));
    const base = siteUrl();
    const published = await db.article.findMany({
      where: { status: "published", publishedAt: { lte: testNow }, currentRevisionId: { not: null } },
      select: { slug: true },
    });
    for (const { slug } of published) expect(entries.has(`${base}/articles/${slug}`), slug).toBe(true);
    expect(entries.get(`${base}/articles/${nasty.slug}`)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entries.has(`${base}/`)).toBe(true);
    expect(entries.has(`${base}/category/feeds-test`)).toBe(true);
    expect(entries.has(`${base}/tag/cyber%26law`)).toBe(true);
    expect(entries.has(`${base}/author/${authorSlug("Zoë <O'Brien> & Co")}`)).toBe(true);
    expect(authorSlug("Zoë <O'Brien> & Co")).toBe("zoe-obrien-co");
    expect(entries.has(`${base}/2099/12`)).toBe(true);
    expect(entries.get(`${base}/2099/12`)).toBe("2099-12-20T09:00:00.000Z");
    expect(entries.has(`${base}/articles/${draft.slug}`)).toBe(false);
    expect(entries.has(`${base}/articles/${future.slug}`)).toBe(false);
    expect(entries.has(`${base}/2100/06`)).toBe(false);
  });

  it("robots.txt allows reading, keeps crawlers out of the API, accounts and the board, and points to the sitemap", async () => {
    const lines = resolveRobots(robotsRoute()).split("\n");
    expect(lines).toContain("User-Agent: *");
    for (const path of ["/api/", "/account", "/moderation", "/studio", "/dev"])
      expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${siteUrl()}/sitemap.xml`);
    expect(lines.some((l) => /^Disallow:\s*\/\s*$/.test(l))).toBe(false);
  });
});
