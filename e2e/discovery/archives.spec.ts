import { expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { seedArticle } from "../fixtures/seed-article";
import { uniqueSuffix } from "../fixtures/users";

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
    const entry = page
      .getByRole("list", { name: heading })
      .getByRole("listitem")
      .filter({ hasText: seedArticle.title });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(seedArticle.author);
    await entry.getByRole("link", { name: seedArticle.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${seedArticle.path}$`));
  });
}

test("unknown archives are 404 pages", async ({ page }) => {
  for (const path of [
    "/category/no-such-category",
    "/tag/no-such-tag",
    "/author/nobody-at-all",
    "/1999/01",
    "/2022/13",
    "/abcd/10",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  }
});

test("an article links its byline to the author's archive and its category to the category's", async ({ page }) => {
  await page.goto(seedArticle.path);
  const header = page.getByRole("article", { name: seedArticle.title }).locator("header").first();
  await header
    .getByRole("list", { name: "Categories" })
    .getByRole("link", { name: seedArticle.publication, exact: true })
    .click();
  await expect(page).toHaveURL(/\/category\/sailblogs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Category: SAILBlogs");
  await expect(
    page.getByRole("list", { name: "Category: SAILBlogs" }).getByRole("link", { name: seedArticle.title, exact: true }),
  ).toHaveCount(1);

  await page.goto(seedArticle.path);
  await header.getByRole("link", { name: seedArticle.author, exact: true }).click();
  await expect(page).toHaveURL(/\/author\/jinen-lakdawala$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Articles by ${seedArticle.author}`);
  await expect(
    page
      .getByRole("list", { name: `Articles by ${seedArticle.author}` })
      .getByRole("link", { name: seedArticle.title, exact: true }),
  ).toHaveCount(1);
});

test("an article lists its tags as links to their archives", async ({ page }) => {
  const tag = `Archive tag ${uniqueSuffix()}`;
  const title = `Tagged article ${uniqueSuffix()}`;
  const { slug } = seedDiscussion({ title, tags: [tag] });
  await page.goto(`/articles/${slug}`);
  const tags = page.getByRole("list", { name: "Tags" });
  await expect(tags.getByRole("listitem")).toHaveCount(1);
  await tags.getByRole("link", { name: tag, exact: true }).click();
  await expect(page).toHaveURL(/\/tag\/archive-tag-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tag: ${tag}`);
  await page
    .getByRole("list", { name: `Tag: ${tag}` })
    .getByRole("link", { name: title, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
});
