import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, commentsRegion, commentWith, seedDiscussion } from "../fixtures/discussion";
import { createUser, newUserData, signIn, uniqueSuffix } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

// Posting is a plain form post: it works with JavaScript off, landing on the new comment.
test.use({ javaScriptEnabled: false });

test("posts a comment with JavaScript disabled", async ({ page }) => {
  const user = newUserData("nojs");
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const body = `Posted without scripts ${uniqueSuffix()}.`;
  const region = commentsRegion(page);
  await region.getByLabel("Comment", { exact: true }).fill(body);
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?page=1#comment-[A-Za-z0-9_-]+$`));
  const id = new URL(page.url()).hash.slice("#comment-".length);
  await expect(page.locator(`#comment-${id}`)).toContainText(body);
  await expect(page.locator(`#comment-${id}`)).toContainText(user.name);
  await expect(region.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
});

test("replies with JavaScript disabled, through the server-rendered reply form", async ({ page }) => {
  const author = newUserData("nojs-author");
  const user = newUserData("nojs-replier");
  const {
    slug,
    ids: [parentId],
  } = seedDiscussion({
    users: [author, user],
    comments: [{ author: author.email, body: "Answer me without scripts." }],
  });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const parent = page.locator(`#comment-${parentId}`);
  await parent.getByRole("link", { name: "Reply", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`replyTo=${parentId}`));
  const text = `A scriptless reply ${uniqueSuffix()}.`;
  await parent.getByLabel("Reply", { exact: true }).fill(text);
  await parent.getByRole("button", { name: "Post reply", exact: true }).click();

  await expect(page).toHaveURL(/#comment-[A-Za-z0-9_-]+$/);
  const replies = commentsRegion(page).getByRole("list", { name: `Replies to ${author.name}` });
  await expect(replies.locator("article").filter({ hasText: text })).toBeVisible();
  await expect(commentWith(page, text)).toContainText(user.name);
});

test("a refused post shows its message on the page it returns to", async ({ page }) => {
  const user = newUserData("nojs-blank");
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  const region = commentsRegion(page);
  await region.getByLabel("Comment", { exact: true }).fill("   ");
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(commentsRegion(page).getByText("Write something first.")).toBeVisible();
});

// One "Reply" per comment: a link to the server-rendered form without JavaScript (and before
// hydration), a button that opens the form in place with it. Never both.
const replyControls = (scope: import("@playwright/test").Locator) =>
  scope.getByRole("link", { name: "Reply", exact: true }).or(scope.getByRole("button", { name: "Reply", exact: true }));

test("each comment offers exactly one Reply control with JavaScript off: the link", async ({ page }) => {
  const author = newUserData("nojs-one-author");
  const user = newUserData("nojs-one-reader");
  const { slug, ids } = seedDiscussion({
    users: [author, user],
    comments: [
      { author: author.email, body: "First." },
      { author: author.email, body: "Second.", parent: 0 },
    ],
  });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  for (const id of ids) {
    const own = page.locator(`#comment-${id}`);
    await expect(replyControls(own)).toHaveCount(1);
    await expect(own.getByRole("link", { name: "Reply", exact: true })).toHaveAttribute(
      "href",
      `?replyTo=${id}#comment-${id}`,
    );
  }
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("each comment offers exactly one Reply control: the button", async ({ page }) => {
    const author = newUserData("js-one-author");
    const user = newUserData("js-one-reader");
    const { slug, ids } = seedDiscussion({
      users: [author, user],
      comments: [
        { author: author.email, body: "First." },
        { author: author.email, body: "Second.", parent: 0 },
      ],
    });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    for (const id of ids) {
      const own = page.locator(`#comment-${id}`);
      await expect(own.getByRole("button", { name: "Reply", exact: true })).toBeVisible();
      await expect(replyControls(own)).toHaveCount(1);
    }
    await page.locator(`#comment-${ids[0]}`).getByRole("button", { name: "Reply", exact: true }).click();
    await expect(page.locator(`#comment-${ids[0]}`).getByLabel("Reply", { exact: true })).toBeFocused();
  });

  // axe runs scripts in the page, so the no-JavaScript report page is scanned with them on.
  test("the server-rendered report page is axe clean", async ({ page }) => {
    const author = newUserData("js-report-author");
    const user = newUserData("js-report-reader");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({ users: [author, user], comments: [{ author: author.email, body: "Scan me." }] });
    await signIn(page, user.email, user.password);
    await page.goto(`${articlePath(slug)}?report=${id}`);
    await expect(
      page.locator(`#comment-${id}`).getByRole("group", { name: /^Why are you reporting this comment/ }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

// The per-request pages of the no-JavaScript path: the shared page never carries a held comment,
// so a held post lands on ?posted=<id>, rendered for its author; ?replyTo= asks a visitor to sign in.
test("a held post without JavaScript lands on a page that shows it to its author, and only to them", async ({
  page,
  browser,
}) => {
  const newcomer = createUser("nojs-held", "commenter", { trusted: false });
  const author = newUserData("nojs-held-parent");
  const {
    slug,
    ids: [parentId],
  } = seedDiscussion({ users: [author], comments: [{ author: author.email, body: "A comment to answer." }] });
  await signIn(page, newcomer.email, newcomer.password);
  await page.goto(articlePath(slug));
  const body = `Held without scripts ${uniqueSuffix()}.`;
  await commentsRegion(page).getByLabel("Comment", { exact: true }).fill(body);
  await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}\\?posted=[A-Za-z0-9_-]+#comment-[A-Za-z0-9_-]+$`));
  const mine = commentWith(page, body);
  await expect(mine).toContainText("awaiting moderation");
  await expect(mine.locator("[data-hold-reason]")).toContainText("first contribution");
  const postedUrl = page.url();

  const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anonymous.goto(postedUrl);
  await expect(commentsRegion(anonymous).getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(commentsRegion(anonymous).getByText(body)).toHaveCount(0);
  await anonymous.goto(`${articlePath(slug)}?replyTo=${parentId}#comment-${parentId}`);
  await expect(anonymous.locator(`#comment-${parentId}`).getByRole("link", { name: "Sign in to reply" })).toBeVisible();
  await expect(anonymous.locator(`#comment-${parentId}`).getByLabel("Reply", { exact: true })).toHaveCount(0);
});

test("reports a comment with JavaScript disabled, through the server-rendered report form", async ({ page }) => {
  const author = newUserData("nojs-reported");
  const user = newUserData("nojs-reporter");
  const {
    slug,
    ids: [id],
  } = seedDiscussion({
    users: [author, user],
    comments: [{ author: author.email, body: "Report me without scripts." }],
  });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const comment = page.locator(`#comment-${id}`);
  await comment.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`report=${id}`));
  // Sending without a reason says so and files nothing.
  await page.locator(`#comment-${id}`).getByRole("button", { name: "Send report" }).click();
  await expect(page.locator(`#comment-${id}`)).toContainText("Choose a reason");
  await page.locator(`#comment-${id}`).getByLabel("Spam").check();
  await page.locator(`#comment-${id}`).getByRole("button", { name: "Send report" }).click();
  await expect(page.locator(`#comment-${id}`).getByRole("status")).toHaveText(
    "Thank you. The editorial board will look at it.",
  );
  // It was filed: a second report of the same comment is refused.
  await page.goto(`${articlePath(slug)}?report=${id}`);
  await page.locator(`#comment-${id}`).getByLabel("Harassment").check();
  await page.locator(`#comment-${id}`).getByRole("button", { name: "Send report" }).click();
  await expect(page.locator(`#comment-${id}`)).toContainText("You have already reported this comment.");
});

test("the no-JavaScript report page asks a signed-out reader to sign in, and an author cannot report their own comment", async ({
  page,
}) => {
  const author = newUserData("nojs-own");
  const {
    slug,
    ids: [id],
  } = seedDiscussion({ users: [author], comments: [{ author: author.email, body: "My own words." }] });
  await page.goto(`${articlePath(slug)}?report=${id}`);
  await expect(page.locator(`#comment-${id}`).getByRole("link", { name: "Sign in to report" })).toBeVisible();
  await expect(page.locator(`#comment-${id}`).getByRole("button", { name: "Send report" })).toHaveCount(0);
  await signIn(page, author.email, author.password);
  await page.goto(`${articlePath(slug)}?report=${id}`);
  await expect(page.locator(`#comment-${id}`)).toContainText("You cannot report your own comment");
  await expect(page.locator(`#comment-${id}`).getByRole("button", { name: "Send report" })).toHaveCount(0);
});
