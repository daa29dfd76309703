import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, commentsRegion, type SeedComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData } from "../fixtures/users";

// Seeding runs a child process and the specs load long pages: more than the default 30 s on a busy
// two-core machine.
test.describe.configure({ timeout: 90_000 });

// One long thread (a top-level comment with 150 replies, then late a chain four deep below it) and
// 20 short threads after it. A page load carries 100 comments: the 21 threads and the first 79
// replies of the long one; "Show 75 more replies" stands for the rest (71 replies + the chain).
let slug = "";
let ids: string[] = [];
let author = "";
const REPLIES = 150;
const chain = (level: number) => ids[REPLIES + 20 + level]; // levels 1..4

test.beforeAll(() => {
  const a = newUserData("long-a");
  const b = newUserData("long-b");
  author = a.name;
  const comments: SeedComment[] = [{ author: a.email, body: "The root of a long thread." }];
  for (let i = 1; i <= REPLIES; i++)
    comments.push({ author: i % 2 ? b.email : a.email, body: `Reply number ${i} in the long thread.`, parent: 0 });
  for (let i = 1; i <= 20; i++) comments.push({ author: b.email, body: `Short thread number ${i}.` });
  for (let level = 1; level <= 4; level++)
    comments.push({
      author: level % 2 ? b.email : a.email,
      body: `Chain reply at level ${level}.`,
      parent: level === 1 ? 0 : comments.length - 1,
    });
  ({ slug, ids } = seedDiscussion({ users: [a, b], title: "A thread too long for one page load", comments }));
});

const reply = (page: Page, n: number) => page.locator(`#comment-${ids[n]}`);
const moreButton = (page: Page) =>
  commentsRegion(page).getByRole("button", { name: new RegExp(`^Show \\d+ more replies to ${author}$`) });

test("the page carries 100 comments; the mouse loads the rest of the branch in place, below what was read, focus on the first new reply", async ({
  page,
}) => {
  await page.goto(articlePath(slug));
  await expect(commentsRegion(page).locator("article[id^='comment-']")).toHaveCount(100);
  await expect(reply(page, 79)).toBeVisible();
  await expect(reply(page, 80)).toHaveCount(0);
  const button = moreButton(page);
  await expect(button).toHaveText("Show 75 more replies");

  await reply(page, 79).scrollIntoViewIfNeeded();
  const before = (await reply(page, 79).boundingBox())!.y;
  await button.click();
  await expect(reply(page, 80)).toContainText("Reply number 80 in the long thread.");
  await expect(reply(page, 80)).toBeFocused();
  await expect(reply(page, 129)).toBeVisible();
  // Nothing the reader was reading moved.
  expect(Math.abs((await reply(page, 79).boundingBox())!.y - before)).toBeLessThan(2);
  // The rest: 21 replies and the chain below the last of them.
  await expect(moreButton(page)).toHaveText("Show 25 more replies");
  await moreButton(page).click();
  await expect(reply(page, REPLIES)).toBeVisible();
  await expect(page.locator(`#comment-${chain(4)}`)).toContainText("Chain reply at level 4.");
  await expect(moreButton(page)).toHaveCount(0);
  await expect(commentsRegion(page).locator("article[id^='comment-']")).toHaveCount(1 + REPLIES + 20 + 4);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the keyboard does the same: Enter on the button, focus on the first new reply, Tab goes on from there", async ({
  page,
}) => {
  await page.goto(articlePath(slug));
  await moreButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(reply(page, 80)).toBeFocused();
  await page.keyboard.press("Tab");
  // The next stop is inside the first new reply (its permalink), not back at the top of the page.
  await expect(reply(page, 80).getByRole("link", { name: /, link to this comment$/ })).toBeFocused();
  await moreButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(reply(page, 130)).toBeFocused();
});

test("a permalink into a reply 4 levels deep lands on it, with the branch down to it shown, highlighted and focused", async ({
  page,
}) => {
  const target = chain(4);
  await page.goto(`${articlePath(slug)}/comments/${target}`);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?comment=${target}#comment-${target}$`));
  const box = page.locator(`#comment-${target}`);
  await expect(box).toContainText("Chain reply at level 4.");
  await expect(box).toBeInViewport();
  await expect(box).toBeFocused();
  expect(await box.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  for (let level = 1; level <= 3; level++) await expect(page.locator(`#comment-${chain(level)}`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the replies API pages the branch and refuses a bad cursor with a 400", async ({ request }) => {
  const first = await request.get(`/api/comments/${ids[0]}/replies`);
  expect(first.status()).toBe(200);
  const page1 = await first.json();
  expect(page1.comments).toHaveLength(50);
  expect(page1.comments[0].id).toBe(ids[1]);
  expect(page1.remaining).toBe(REPLIES - 50 + 4);
  const page2 = await (
    await request.get(`/api/comments/${ids[0]}/replies?cursor=${encodeURIComponent(page1.next)}`)
  ).json();
  expect(page2.comments[0].id).toBe(ids[51]);
  const newest = await (await request.get(`/api/comments/${ids[0]}/replies?sort=newest`)).json();
  expect(newest.comments[0].id).toBe(chain(1));
  const bad = await request.get(`/api/comments/${ids[0]}/replies?cursor=not-a-cursor`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("bad_request");
  expect((await request.get("/api/comments/no-such-comment/replies")).status()).toBe(404);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the stub is a link to the branch's page, which shows the replies after those already read", async ({
    page,
  }) => {
    await page.goto(articlePath(slug));
    const link = commentsRegion(page).getByRole("link", { name: new RegExp(`^Show 75 more replies to ${author}$`) });
    await expect(link).toHaveAttribute("href", new RegExp(`^/articles/${slug}/comments/${ids[0]}\\?after=`));
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?comment=${ids[0]}&after=[^#]+#comment-${ids[0]}$`));
    await expect(page.locator(`#comment-${ids[0]}`)).toBeInViewport();
    // The branch after what the first page showed, within one load's budget: here all of it.
    await expect(reply(page, 80)).toContainText("Reply number 80 in the long thread.");
    await expect(reply(page, 79)).toHaveCount(0);
    await expect(reply(page, REPLIES)).toBeVisible();
    await expect(page.locator(`#comment-${chain(4)}`)).toContainText("Chain reply at level 4.");
    await expect(
      commentsRegion(page).getByRole("link", { name: new RegExp(`^Show \\d+ more replies to ${author}$`) }),
    ).toHaveCount(0);
  });
});
