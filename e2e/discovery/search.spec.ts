import { expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, uniqueSuffix } from "../fixtures/users";

const siteSearch = (page: import("@playwright/test").Page) => page.getByRole("search", { name: "Site search" });

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's search box finds the seed article by a word of its body, highlighted", async ({ page }) => {
    await page.goto("/");
    await siteSearch(page).getByLabel("Search", { exact: true }).fill("diplomats");
    await siteSearch(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=diplomats$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “diplomats”");
    const results = page.getByRole("list", { name: "Matching articles" });
    const hit = results.getByRole("listitem").filter({ hasText: seedArticle.title });
    await expect(hit).toHaveCount(1);
    // Stemmed: "diplomats" also finds "diplomatic", and both are marked.
    await expect(hit.locator("mark").first()).toHaveText(/^diplomat/i);
    expect((await hit.locator("mark").allTextContents()).map((t) => t.toLowerCase())).toContain("diplomats");
    await hit.getByRole("link", { name: seedArticle.title }).click();
    await expect(page).toHaveURL(new RegExp(`${seedArticle.path}$`));
  });
});

test("a title word is highlighted in the title; the search page keeps the query in its own form", async ({ page }) => {
  await page.goto("/search?q=Albanian+cyber-attacks");
  await expect(page.getByLabel("Search for")).toHaveValue("Albanian cyber-attacks");
  const hit = page
    .getByRole("list", { name: "Matching articles" })
    .getByRole("listitem")
    .filter({ hasText: seedArticle.title });
  await expect(hit.getByRole("heading", { level: 3 }).locator("mark").first()).toHaveText("Albanian");
});

test("approved comments are found too, and lead to the comment", async ({ page }) => {
  const author = createUser("searcher");
  const word = `zq${uniqueSuffix().replace(/[^a-z]/g, "")}word`;
  const {
    slug,
    ids: [id],
  } = seedDiscussion({
    title: "A searchable discussion",
    comments: [{ author: author.email, body: `This comment mentions ${word} once.` }],
  });
  await page.goto(`/search?q=${word}`);
  const hit = page.getByRole("list", { name: "Matching comments" }).getByRole("listitem");
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(author.name);
  await expect(hit).toContainText("A searchable discussion");
  await expect(hit.locator("mark")).toHaveText(word);
  await expect(hit.getByRole("link", { name: /Read .* comment/ })).toHaveAttribute(
    "href",
    `/articles/${slug}/comments/${id}`,
  );
});

test("odd queries answer with a page, never an error, and markup in them stays text", async ({ page }) => {
  for (const q of [
    `"`,
    `&|!():*`,
    `'; DROP TABLE "Article"; --`,
    `<script>alert(1)</script>`,
    "日本語 😀",
    "x".repeat(1000),
    `"unclosed cyber`,
    "-",
  ]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 40)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(`/search?q=${encodeURIComponent("<img src=x onerror=alert(1)> diplomats")}`);
  await expect(page.locator("main img")).toHaveCount(0);
});

test("an empty query shows the search form and no results", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.getByLabel("Search for")).toHaveValue("");
  await expect(page.getByRole("heading", { name: /^Articles/ })).toHaveCount(0);
  await page.goto("/search?q=");
  await expect(page.getByRole("heading", { name: /^Articles/ })).toHaveCount(0);
});
