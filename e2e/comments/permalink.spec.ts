import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, type SeedComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

// 61 top-level comments (50 a page) and, under #60, a chain of replies five deep: the deepest reply
// lives on page 2. Seeded once for the file; the specs only read.
let slug = "";
let deepest = "";
let first = "";

test.beforeAll(() => {
  const a = newUserData("thread-a");
  const b = newUserData("thread-b");
  const comments: SeedComment[] = Array.from({ length: 61 }, (_, i) => ({
    author: i % 2 ? a.email : b.email,
    body: `Top-level comment number ${i + 1}.`,
  }));
  for (let depth = 1; depth <= 5; depth++)
    comments.push({
      author: depth % 2 ? a.email : b.email,
      body: `Reply at depth ${depth} under number 60.`,
      parent: depth === 1 ? 59 : comments.length - 1,
    });
  const seeded = seedDiscussion({ users: [a, b], title: "A long discussion", comments });
  slug = seeded.slug;
  deepest = seeded.ids.at(-1)!;
  first = seeded.ids[0];
});

test("a permalink to a deep reply on page 2 lands on ?page=2&comment=<id>#comment-<id>, with the reply shown, scrolled to and focused", async ({
  page,
}) => {
  const response = await page.goto(`${articlePath(slug)}/comments/${deepest}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?page=2&comment=${deepest}#comment-${deepest}$`));
  const target = page.locator(`#comment-${deepest}`);
  await expect(target).toBeVisible();
  await expect(target).toContainText("Reply at depth 5 under number 60.");
  await expect(target).toBeInViewport();
  await expect(target).toBeFocused();
  await expect(
    commentsRegion(page).getByRole("navigation", { name: "Comment pages" }).getByRole("link", { name: /2$/ }),
  ).toHaveAttribute("aria-current", "page");
  // Page 2 holds the threads after the first 50, and not those before.
  await expect(commentsRegion(page).getByText("Top-level comment number 51.", { exact: true })).toBeVisible();
  await expect(commentsRegion(page).getByText("Top-level comment number 50.", { exact: true })).toHaveCount(0);
});

test("a permalink to a comment on page 1 carries no page number", async ({ page }) => {
  await page.goto(`${articlePath(slug)}/comments/${first}`);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?comment=${first}#comment-${first}$`));
  await expect(page.locator(`#comment-${first}`)).toBeInViewport();
});

test("an unknown comment id leads to the article's discussion", async ({ page }) => {
  await page.goto(`${articlePath(slug)}/comments/no-such-comment-123`);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}#comments$`));
  await expect(commentsRegion(page)).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the permalink still lands on the reply, on page 2, in view", async ({ page }) => {
    await page.goto(`${articlePath(slug)}/comments/${deepest}`);
    await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?page=2&comment=${deepest}#comment-${deepest}$`));
    await expect(page.locator(`#comment-${deepest}`)).toBeVisible();
    await expect(page.locator(`#comment-${deepest}`)).toBeInViewport();
  });
});
