import { expect, test } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";

// What search engines and link previews read on an article page.
test("the article page has a canonical URL, OpenGraph and Twitter card tags", async ({ page, baseURL }) => {
  await page.goto(seedArticle.path);
  const url = `${baseURL}${seedArticle.path}`;
  const meta = (attr: "property" | "name", key: string) => page.locator(`head meta[${attr}="${key}"]`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(meta("property", "og:type")).toHaveAttribute("content", "article");
  await expect(meta("property", "og:title")).toHaveAttribute("content", seedArticle.title);
  await expect(meta("property", "og:url")).toHaveAttribute("content", url);
  await expect(meta("property", "og:site_name")).toHaveAttribute("content", "SAILBlogs");
  await expect(meta("property", "og:description")).toHaveAttribute("content", /Albania/);
  await expect(meta("property", "article:published_time")).toHaveAttribute("content", /^2022-10-05T09:00:00/);
  await expect(meta("property", "article:author")).toHaveAttribute("content", seedArticle.author);
  await expect(meta("name", "twitter:card")).toHaveAttribute("content", "summary");
  await expect(meta("name", "twitter:title")).toHaveAttribute("content", seedArticle.title);
});

test("the article page carries schema.org Article JSON-LD naming the author and publisher", async ({
  page,
  baseURL,
}) => {
  await page.goto(seedArticle.path);
  const blocks = page.locator('script[type="application/ld+json"]');
  await expect(blocks).toHaveCount(1);
  const data = JSON.parse((await blocks.textContent()) ?? "");
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Article",
    headline: seedArticle.title,
    author: {
      "@type": "Person",
      name: seedArticle.author,
      affiliation: { "@type": "Organization", name: seedArticle.affiliation },
    },
    publisher: { "@type": "Organization", name: "SAILBlogs" },
    mainEntityOfPage: { "@type": "WebPage", "@id": `${baseURL}${seedArticle.path}` },
  });
  expect(data.datePublished).toMatch(/^2022-10-05T09:00:00/);
  expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
  // The JSON cannot close its <script>: every < is escaped.
  const html = await (await page.request.get(seedArticle.path)).text();
  const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
  expect(raw).toContain('"@type":"Article"');
  expect(raw).not.toContain("<");
});
