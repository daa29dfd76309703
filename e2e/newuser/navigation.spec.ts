import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";

// Issue 18, item 10: the navigation a blog reader expects.
test("an article's date leads to its month's archive", async ({ page }) => {
  await page.goto(seedArticle.path);
  const header = page.getByRole("article", { name: seedArticle.title }).locator("header").first();
  await header.getByRole("link", { name: "5 October 2022" }).click();
  await expect(page).toHaveURL(/\/2022\/10$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles from October 2022");
});

test("the archive lists months and categories, reached from the home page and the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Browse the archive" }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
  const october = page
    .getByRole("list", { name: "Months of 2022" })
    .getByRole("listitem")
    .filter({ hasText: "October 2022" });
  await expect(october).toContainText(/\(\d+ articles?\)/);
  await expect(
    page.getByRole("list", { name: "Categories" }).getByRole("link", { name: seedArticle.publication, exact: true }),
  ).toHaveAttribute("href", "/category/sailblogs");
  expect(await seriousViolations(page)).toEqual([]);
  await october.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles from October 2022");

  await page.goto(seedArticle.path);
  await page.getByRole("contentinfo").getByRole("link", { name: "Archive", exact: true }).click();
  await expect(page).toHaveURL(/\/archive$/);
});
