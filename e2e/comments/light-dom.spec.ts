import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, commentsRegion, type SeedComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData } from "../fixtures/users";

// Seeding runs a child process and the pages are long: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

// Issue 22, the page's DOM size: the server HTML of a long discussion carries its first 30 comments
// as markup and the rest inside <noscript> (components/comments/inert-cut.ts). 50 top-level
// comments of two paragraphs, a chain of 3 replies under the 40th.
let slug = "";
let ids: string[] = [];
const TOP = 50;

test.beforeAll(() => {
  const a = newUserData("light-a");
  const b = newUserData("light-b");
  const comments: SeedComment[] = Array.from({ length: TOP }, (_, i) => ({
    author: i % 2 ? a.email : b.email,
    body: `Top-level comment number ${i + 1}.\n\nIts second paragraph, for a comment of the usual length.`,
  }));
  for (let level = 1; level <= 3; level++)
    comments.push({
      author: level % 2 ? a.email : b.email,
      body: `Reply at level ${level} under number 40.`,
      parent: level === 1 ? 39 : comments.length - 1,
    });
  ({ slug, ids } = seedDiscussion({ users: [a, b], title: "A discussion longer than the first screens", comments }));
});

const articles = "[data-comment-threads] article[id^='comment-']";

test("before the list wakes, the page holds the first 30 comments as elements; the rest are text in <noscript>", async ({
  page,
}) => {
  // The server HTML as a browser that runs scripts holds it until React wakes the list: no scripts arrive.
  await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, (route) => route.abort());
  await page.goto(articlePath(slug));
  await expect(page.locator(articles)).toHaveCount(30);
  await expect(page.locator(`#comment-${ids[29]}`)).toContainText("Top-level comment number 30.");
  await expect(page.locator(`#comment-${ids[30]}`)).toHaveCount(0);
  const inert = await page
    .locator("[data-comment-threads] noscript")
    .evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? "", elements: e.querySelectorAll("*").length })));
  expect(inert.map((n) => n.elements)).toEqual([0]);
  expect(inert[0].text).toContain("Top-level comment number 31.");
  expect(inert[0].text).toContain("Reply at level 3 under number 40.");
  // Nothing of the noscript's markup shows as text on the page.
  await expect(commentsRegion(page)).not.toContainText("<article");
});

test("with JavaScript the list wakes and draws every comment, moving nothing the reader sees; axe clean", async ({
  page,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) (window as unknown as { shift: number }).shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(articlePath(slug));
  await commentsRegion(page).scrollIntoViewIfNeeded();
  await expect(page.locator(articles)).toHaveCount(TOP + 3);
  await page.locator(`#comment-${ids.at(-1)}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#comment-${ids.at(-1)}`)).toContainText("Reply at level 3 under number 40.");
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
  await expect(page.locator("[data-comment-threads] noscript")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test("a link to a comment past the first 30 (#comment-<id>) lands on it once it is drawn: in view, focused, highlighted", async ({
  page,
}) => {
  const target = ids.at(-2)!; // the reply at level 2 under number 40
  await page.goto(`${articlePath(slug)}#comment-${target}`);
  const box = page.locator(`#comment-${target}`);
  await expect(box).toContainText("Reply at level 2 under number 40.");
  await expect(box).toBeInViewport();
  await expect(box).toBeFocused();
  expect(await box.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  // Another comment's link moves the highlight.
  await page.evaluate((id) => {
    location.hash = `comment-${id}`;
  }, ids[45]);
  await expect(page.locator(`#comment-${ids[45]}`)).toBeFocused();
  expect(await box.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("every comment is markup, in order, with the list's dividers and Reply links", async ({ page }) => {
    await page.goto(articlePath(slug));
    await expect(page.locator(articles)).toHaveCount(TOP + 3);
    const last = page.locator(`#comment-${ids[TOP - 1]}`);
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeVisible();
    await expect(last.getByRole("link", { name: "Reply", exact: true })).toBeVisible();
    await expect(page.locator(`#comment-${ids.at(-1)}`)).toBeVisible();
    // The threads past the cut keep the divider between them.
    const item = page.locator(`#comment-${ids[35]}`).locator("xpath=..");
    expect(await item.evaluate((el) => getComputedStyle(el).borderBottomWidth)).toBe("1px");
    const order = await page.locator(articles).evaluateAll((els) => els.map((e) => e.id.slice("comment-".length)));
    expect(order.slice(0, 40)).toEqual(ids.slice(0, 40));
  });
});
