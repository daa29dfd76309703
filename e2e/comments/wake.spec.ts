import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { articlePath, commentsRegion, commentWith, seedDiscussion } from "../fixtures/discussion";
import { createUser, newUserData, signIn, uniqueSuffix } from "../fixtures/users";

// The comment list's drawing code and the comment form's are not part of the article page's
// first-load JavaScript (components/comments/thread-parts.tsx, comment-composer.tsx): until they
// arrive the server's HTML stands. These hold every script the page did not name in its HTML
// until the test lets them through, so they check what a reader does in that gap.
test.describe.configure({ timeout: 90_000 });

/** Holds the page's later scripts (those not in its HTML) until the returned function is called. */
async function holdLaterScripts(page: Page, request: APIRequestContext, path: string) {
  // The shared page (the same bytes for everyone), asked for without the reader's cookies.
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  // The page's own scripts: as <script src> or in the paint-first loader (scripts/lib/paint-first.mjs).
  const firstLoad = new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]));
  expect(firstLoad.size).toBeGreaterThan(0);
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: string[] = [];
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const url = new URL(route.request().url());
    if (!firstLoad.has(url.pathname)) {
      held.push(url.pathname);
      await gate;
    }
    await route.continue();
  });
  return { release, held };
}

const exactTime = /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/;

test("keyboard focus in the sleeping discussion stays where it is when the list's code arrives and React draws it", async ({
  page,
  request,
}) => {
  const author = newUserData("wake-author");
  const { slug, ids } = seedDiscussion({
    users: [author],
    comments: [
      { author: author.email, body: `First words ${uniqueSuffix()}.` },
      { author: author.email, body: `Second words ${uniqueSuffix()}.` },
    ],
  });
  const path = articlePath(slug);
  const { release, held } = await holdLaterScripts(page, request, path);
  await page.goto(path);
  const second = page.locator(`#comment-${ids[1]}`);
  const permalink = second.getByRole("link", { name: /, link to this comment$/ });
  // The server's HTML: the exact time (the browser's code would say "… ago").
  await expect(permalink).toHaveText(exactTime);
  await permalink.focus();
  await page.waitForTimeout(500);
  await expect(permalink).toHaveText(exactTime); // still the server's: the code is held back
  expect(held.length).toBeGreaterThan(0);
  release();
  await expect(permalink).not.toHaveText(exactTime); // drawn by React
  await expect(permalink).toBeFocused();
  // The drawn list works: Tab goes on from there, to the next control of the same comment or beyond.
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).not.toHaveCount(0);
});

test("a comment typed and sent before the form's code has arrived is posted through the page, not lost", async ({
  page,
  request,
}) => {
  const writer = createUser("wake-writer");
  const { slug } = seedDiscussion({});
  await signIn(page, writer.email, writer.password);
  const path = articlePath(slug);
  const { release } = await holdLaterScripts(page, request, path);
  await page.goto(path);
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  const region = commentsRegion(page);
  const body = `Written while the form slept ${uniqueSuffix()}.`;
  await region.getByLabel("Comment", { exact: true }).fill(body);
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  await page.waitForTimeout(500);
  await expect(commentWith(page, body)).toHaveCount(0); // the send waits for the form's code
  release();
  await expect(commentWith(page, body)).toBeVisible();
  await expect(region.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(region.getByText("Comment posted.")).toBeVisible();
  // The same page all along (no plain form post, no reload).
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("a permalinked comment is highlighted again once React has drawn the list, and back and forward still work", async ({
  page,
}) => {
  const author = newUserData("wake-permalink");
  const { slug, ids } = seedDiscussion({
    users: [author],
    comments: [1, 2, 3].map((n) => ({ author: author.email, body: `Comment number ${n} ${uniqueSuffix()}.` })),
  });
  const path = articlePath(slug);
  await page.goto(`${path}/comments/${ids[1]}`);
  await expect(page).toHaveURL(new RegExp(`\\?comment=${ids[1]}#comment-${ids[1]}$`));
  const box = page.locator(`#comment-${ids[1]}`);
  const permalink = box.getByRole("link", { name: /, link to this comment$/ });
  await expect(permalink).not.toHaveText(exactTime); // drawn by React
  await expect(box).toBeFocused();
  expect(await box.evaluate((el) => el.matches(":target"))).toBe(true);
  const sorts = page.getByRole("navigation", { name: "Sort comments" });
  await sorts.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(sorts.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?comment=${ids[1]}#comment-${ids[1]}$`));
  await expect(sorts.getByRole("link", { name: "Oldest" })).toHaveAttribute("aria-current", "true");
});
