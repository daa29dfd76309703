import { expect, test } from "@playwright/test";
import { articlePath, notesList, seedAnnotations, waitForAnchoring } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { createUser } from "../fixtures/users";

// Issue 18, item 9: one type system (self-hosted, same origin), consistent headings, a measure for
// long reading, and a front page with the masthead, categories and the latest pieces' excerpts.
test.describe.configure({ timeout: 60_000 });

test("the article's title and section headings share the reading face; fonts are same-origin woff2, at most 3 preloaded", async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "font") fonts.push(r.url());
  });
  await page.goto(articlePath(seedArticle.slug));
  await page.evaluate(() => document.fonts.ready);
  const family = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
  const title = await family("#article-title");
  expect(title).toMatch(/reading|serif/i);
  expect(await family(".article-body h2")).toBe(title);
  expect(await family(".article-body p")).toBe(title);
  expect(await family("#comments-title")).toBe(title);
  // The faces really loaded, from this origin, as woff2.
  expect(
    await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").length),
  ).toBeGreaterThanOrEqual(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const url of fonts) {
    expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    expect(url).toMatch(/\.woff2$/);
  }
  const preloads = await page
    .locator('link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(preloads.length).toBeGreaterThan(0);
  expect(preloads.length).toBeLessThanOrEqual(3);
  // The serif's italic is a face of the same family (not preloaded: fetched when italic serif text
  // is set), so emphasis is a real italic, never the roman slanted by the browser.
  const italic = await page.evaluate(async () => {
    // the first family of the body's list: the web font (the others are local fallbacks)
    const family = getComputedStyle(document.querySelector(".article-body p") as Element).fontFamily.split(",")[0];
    const faces = await document.fonts.load(`italic 20px ${family}`, "Emphasis");
    return faces.map((f) => ({ family: f.family.replace(/"/g, ""), style: f.style, status: f.status }));
  });
  expect(italic).toContainEqual({ family: expect.stringMatching(/reading/i), style: "italic", status: "loaded" });
  // A comfortable measure: at most ~75 characters of body text per line, line height ≥ 1.5.
  const measure = await page
    .locator(".article-body p")
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        width: el.getBoundingClientRect().width,
        size: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight),
      };
    });
  expect(measure.width / (measure.size * 0.5)).toBeLessThanOrEqual(75);
  expect(measure.lineHeight / measure.size).toBeGreaterThanOrEqual(1.5);
});

test("the front page carries the masthead, the categories and the latest pieces with excerpts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SAILBlogs");
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(categories.getByRole("link", { name: /^SAILBlogs/ })).toHaveAttribute("href", "/category/sailblogs");
  const latest = page.getByRole("list", { name: "Latest articles" });
  // The newest piece (other specs publish as they run) is set large, with its excerpt.
  const first = latest.getByRole("listitem").first();
  await expect(first.getByRole("heading", { level: 2 }).getByRole("link")).toBeVisible();
  await expect(first.getByTestId("excerpt")).not.toBeEmpty();
  expect(
    await first.getByRole("heading", { level: 2 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(30);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});

test("axe: the article page, light and dark, wide and phone", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const)
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await page.goto(articlePath(seedArticle.slug));
      expect(await seriousViolations(page), `${colorScheme} ${viewport.width}`).toEqual([]);
    }
});

test("on a phone a note's Show in text, Reply and Report are at least 44 px", async ({ page }) => {
  const author = createUser("show-in-text");
  const { slug } = seedAnnotations({
    notes: [{ author: author.email, exact: "freedom of the seas", note: "A note to find in the text." }],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const show = notesList(page).getByRole("button", { name: "Show in text" }).first();
  await expect(show).toBeVisible();
  const box = (await show.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
});
