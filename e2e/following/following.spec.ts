import { type Browser, expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, seedDiscussion } from "../fixtures/discussion";
import { hydrated } from "../fixtures/hydration";
import { linkIn, newestMailTo } from "../fixtures/mail";
import { createUser, newUserData, signIn, type TestUser, uniqueSuffix } from "../fixtures/users";

test.describe.configure({ timeout: 120_000 });

// Issue 15: the bell and /notifications, the Follow discussion button, and the Subscribe form
// with JavaScript on and off (its confirmation mail in the development outbox).

async function signedIn(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return { context, page };
}

const bell = (page: import("@playwright/test").Page) =>
  page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Notifications/ });

test("a reply shows in the author's bell and on /notifications; a follower follows from the article and is told of new comments", async ({
  browser,
  baseURL,
}) => {
  const author = newUserData("noticed");
  const replier = newUserData("replier");
  const follower = createUser("follower");
  const {
    slug,
    ids: [parentId],
  } = seedDiscussion({ users: [author, replier], comments: [{ author: author.email, body: "Is this settled law?" }] });

  // The follower follows from the article page (the button comes from the personal layer).
  const f = await signedIn(browser, follower);
  await f.page.goto(articlePath(slug));
  const comments = f.page.getByRole("region", { name: /^Comments/ });
  await comments.getByRole("button", { name: "Follow discussion" }).click();
  await expect(comments.getByRole("button", { name: "Following" })).toBeVisible();
  await f.page.reload();
  await expect(comments.getByRole("button", { name: "Following" })).toBeVisible();
  await expect(bell(f.page)).toHaveAccessibleName("Notifications");

  // Someone replies to the author.
  const r = await signedIn(browser, replier);
  const words = `It is, since the 1986 judgment ${uniqueSuffix()}`;
  const posted = await r.page.request.post(`/api/articles/${slug}/comments`, {
    headers: { Origin: new URL(baseURL!).origin },
    data: { body: words, parentId },
  });
  expect(posted.status()).toBe(201);

  // The author's bell (on the shared article page: from the personal layer) and the list.
  const a = await signedIn(browser, author);
  await a.page.goto(articlePath(slug));
  await expect(bell(a.page)).toHaveAccessibleName("Notifications, 1 unread");
  await bell(a.page).click();
  await expect(a.page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const list = a.page.getByRole("list", { name: "Your notifications" });
  await expect(list.getByRole("link", { name: new RegExp(`^${replier.name} replied to you on “`) })).toBeVisible();
  await expect(list).toContainText(words);
  expect(await seriousViolations(a.page)).toEqual([]);
  await a.page.getByRole("button", { name: "Mark all read" }).click();
  await expect(a.page.getByText("Nothing unread.")).toBeVisible();
  await expect(bell(a.page)).toHaveAccessibleName("Notifications");

  // The follower hears of the reply (a new comment); opening it goes to the comment and reads it.
  await f.page.goto("/notifications");
  const line = f.page.getByRole("link", { name: new RegExp(`^${replier.name} commented on`) });
  await expect(line).toBeVisible();
  await line.click();
  await expect(f.page).toHaveURL(new RegExp(`/articles/${slug}.*#comment-`));
  await f.page.goto("/notifications");
  await expect(f.page.getByText("Nothing unread.")).toBeVisible();

  // Unfollow.
  await f.page.goto(articlePath(slug));
  await comments.getByRole("button", { name: "Following" }).click();
  await expect(comments.getByRole("button", { name: "Follow discussion" })).toBeVisible();

  // Live: with the article open, the author's bell counts a new reply without a reload.
  await a.page.goto(articlePath(slug));
  await expect(bell(a.page)).toHaveAccessibleName("Notifications");
  await expect(a.page.locator("[data-live-state=open]")).toHaveCount(1, { timeout: 15_000 });
  const third = await signedIn(browser, createUser("third"));
  const again = await third.page.request.post(`/api/articles/${slug}/comments`, {
    headers: { Origin: new URL(baseURL!).origin },
    data: { body: `Another answer ${uniqueSuffix()}`, parentId },
  });
  expect(again.status()).toBe(201);
  await expect(bell(a.page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
  for (const c of [f, r, a, third]) await c.context.close();
});

test("subscribing without JavaScript: the form, the confirmation mail, the button", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { slug } = seedDiscussion({});
  const email = `nojs-${uniqueSuffix()}@e2e.test`;
  await page.goto(articlePath(slug));
  const section = page.getByRole("region", { name: "New articles by e-mail" }).first();
  await section.getByLabel("Your e-mail address").fill(email);
  await section.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/subscribe\?sent=1$/);
  await expect(page.getByText(/Check your inbox/)).toBeVisible();

  const mail = await newestMailTo(email, { subject: /^Confirm/ });
  await page.goto(linkIn(mail, "/subscribe/confirm"));
  await page.getByRole("button", { name: "Yes, send me new articles" }).click();
  await expect(page.getByText(/you are subscribed/)).toBeVisible();
  // The link works once.
  await page.goto(linkIn(mail, "/subscribe/confirm"));
  await expect(page.getByText(/expired or was already used/)).toBeVisible();
  await context.close();
});

test("subscribing with JavaScript stays on the page and says what happens next", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  const email = `js-${uniqueSuffix()}@e2e.test`;
  await hydrated(footer.locator("form"));
  await footer.getByLabel("Your e-mail address").fill(email);
  await footer.getByRole("button", { name: "Subscribe" }).click();
  await expect(footer.getByRole("status")).toHaveText("Check your inbox: a link to confirm is on its way.");
  await expect(page).toHaveURL(/\/$/);
  expect(await seriousViolations(page)).toEqual([]);
  const mail = await newestMailTo(email, { subject: /^Confirm/ });
  await page.goto(linkIn(mail, "/subscribe/confirm"));
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Yes, send me new articles" }).click();
  await expect(page.getByText(/you are subscribed/)).toBeVisible();
});
