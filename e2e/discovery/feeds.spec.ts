import { expect, test } from "@playwright/test";
import { childrenNamed, childText, parseXml } from "../../tests/support/parse-xml";
import { seedDiscussion } from "../fixtures/discussion";
import { seedArticle } from "../fixtures/seed-article";
import { uniqueSuffix } from "../fixtures/users";

// Feeds, sitemap and robots.txt, fetched like a feed reader or a crawler would.
// Other specs publish articles while this one runs: a fresh article (the newest) is looked for in
// the feeds; the seed article, older than what they publish, in the sitemap.
test("/feed.xml is RSS 2.0 listing the newest articles with their full text", async ({ request, baseURL }) => {
  const title = `Feed & <test> ${uniqueSuffix()}`;
  const { slug } = seedDiscussion({ title });
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const rss = parseXml(await response.text());
  expect(rss.attributes.version).toBe("2.0");
  const items = childrenNamed(childrenNamed(rss, "channel")[0], "item");
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(20);
  const item = items.find((i) => childText(i, "link") === `${baseURL}/articles/${slug}`);
  expect(item, "the new article is in the feed").toBeTruthy();
  expect(childText(item!, "title")).toBe(title);
  expect(childText(item!, "dc:creator")).toBe("E2E Author");
  expect(childText(item!, "pubDate")).toBe("Wed, 15 Jan 2020 09:00:00 GMT");
  expect(childText(item!, "content:encoded")).toMatch(
    /^<p data-block-id="[^"]+">A short article for a discussion test\.<\/p>/,
  );
});

test("/feed.atom is Atom 1.0 listing the newest articles", async ({ request, baseURL }) => {
  const title = `Atom & <test> ${uniqueSuffix()}`;
  const { slug } = seedDiscussion({ title });
  const response = await request.get("/feed.atom");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const feed = parseXml(await response.text());
  expect(feed.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
  const entry = childrenNamed(feed, "entry").find((e) => childText(e, "id") === `${baseURL}/articles/${slug}`);
  expect(entry).toBeTruthy();
  expect(childText(entry!, "title")).toBe(title);
  expect(childrenNamed(entry!, "content")[0].attributes.type).toBe("html");
});

test("an article's comment feed is RSS; an unknown article's is 404", async ({ request }) => {
  const response = await request.get(`${seedArticle.path}/comments.xml`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  expect(childText(childrenNamed(parseXml(await response.text()), "channel")[0], "title")).toContain(seedArticle.title);
  expect((await request.get("/articles/no-such-article/comments.xml")).status()).toBe(404);
});

test("the sitemap lists the seed article (valid XML) and its archives; robots.txt points to it", async ({
  request,
  baseURL,
}) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
  const locs = childrenNamed(parseXml(await response.text()), "url").map((u) => childText(u, "loc"));
  for (const path of [seedArticle.path, "/category/sailblogs", "/author/jinen-lakdawala", "/2022/10"])
    expect(locs, path).toContain(`${baseURL}${path}`);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await robots.text();
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  for (const path of ["/api/", "/account", "/moderation", "/studio", "/dev"])
    expect(text).toContain(`Disallow: ${path}\n`);
});

test("pages announce the feeds with <link rel=alternate>; an article also its comment feed", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/feed.xml`,
  );
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/feed.atom`,
  );

  await page.goto(seedArticle.path);
  const rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
  await expect(rss).toHaveCount(2);
  expect(await rss.evaluateAll((links) => links.map((l) => l.getAttribute("href")))).toEqual([
    `${baseURL}/feed.xml`,
    `${baseURL}${seedArticle.path}/comments.xml`,
  ]);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/feed.atom`,
  );
});

test("the footer links to the RSS and Atom feeds", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "RSS feed", exact: true })).toHaveAttribute("href", "/feed.xml");
  await expect(footer.getByRole("link", { name: "Atom feed", exact: true })).toHaveAttribute("href", "/feed.atom");
  const response = await page.request.get(
    (await footer.getByRole("link", { name: "RSS feed", exact: true }).getAttribute("href")) ?? "",
  );
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
});
