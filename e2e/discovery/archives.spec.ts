import { expect, test } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";

// Category, author and month archives, styled like the home page.
for (const { path, heading } of [
  { path: "/category/sailblogs", heading: "Category: SAILBlogs" },
  { path: "/author/jinen-lakdawala", heading: `Articles by ${seedArticle.author}` },
  { path: "/2022/10", heading: "Articles from October 2022" },
]) {
  test(`${path} names the archive and lists the seed article`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const entry = page.getByRole("list", { name: heading }).getByRole("listitem").filter({ hasText: seedArticle.title });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(seedArticle.author);
    await entry.getByRole("link", { name: seedArticle.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${seedArticle.path}$`));
  });
}

test("unknown archives are 404 pages", async ({ page }) => {
  for (const path of ["/category/no-such-category", "/tag/no-such-tag", "/author/nobody-at-all", "/1999/01", "/2022/13", "/abcd/10"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  }
});
