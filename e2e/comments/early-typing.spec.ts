import { expect, type Page, type Route, test } from "@playwright/test";
import { articlePath, commentsRegion, commentWith, seedDiscussion } from "../fixtures/discussion";
import { hydrated } from "../fixtures/hydration";
import { newUserData, signIn, uniqueSuffix } from "../fixtures/users";

// The new-comment form is in the shared page as plain HTML; its code arrives after the page
// (components/comments/comment-composer.tsx) and React then draws its own in its place.
// A reader who starts writing before then must lose nothing: not a character, not the focus, not
// the send.
test.describe.configure({ timeout: 90_000 });

/** Holds back the comment form's code chunk until `release()`; `held` says whether it was asked for. */
async function holdFormCode(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  await page.route(/\/_next\/static\/chunks\/[^?]+\.js/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    // A string only the form's module carries (its status after a reply).
    if (body.includes("Reply posted.")) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, wasHeld: () => held };
}

const box = (page: Page) => commentsRegion(page).getByLabel("Comment", { exact: true });
/** A new reader, signed in, on a fresh article whose form's code is held back. */
async function onArticleWithCodeHeld(page: Page, label: string) {
  const user = newUserData(label);
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  const code = await holdFormCode(page);
  await page.goto(articlePath(slug));
  return code;
}

const carriesReact = (page: Page) =>
  box(page).evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")));

test("what a reader types before the form's code arrives stays where it is, focus and all", async ({ page }) => {
  const code = await onArticleWithCodeHeld(page, "early");

  await box(page).click();
  await page.keyboard.type("Written before the code, ");
  await expect.poll(code.wasHeld).toBe(true);
  expect(await carriesReact(page)).toBe(false);

  code.release();
  // (Polled afresh each time: the box may be a new element once React has the form.)
  await expect.poll(() => carriesReact(page)).toBe(true);
  // Still focused, its text intact: typing goes on where it was.
  await expect(box(page)).toBeFocused();
  await page.keyboard.type("and after it.");
  const text = `Written before the code, and after it.`;
  await expect(box(page)).toHaveValue(text);

  await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(commentsRegion(page).getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();
  await expect(commentWith(page, text)).toBeVisible();
  await expect(page).toHaveURL(/#comment-/);
});

test("typing straight through the moment React takes the form over loses no character", async ({ page }) => {
  const code = await onArticleWithCodeHeld(page, "steady");
  await box(page).click();
  await expect.poll(code.wasHeld).toBe(true);

  const text = "The quick brown fox jumps over the lazy dog, again and again and again.";
  const typing = page.keyboard.type(text, { delay: 15 });
  code.release();
  await typing;
  await expect.poll(() => carriesReact(page)).toBe(true);
  await expect(box(page)).toHaveValue(text);
  await expect(box(page)).toBeFocused();
});

test("a send pressed before the form's code arrives goes once, through the API, when it arrives", async ({ page }) => {
  const user = newUserData("eager");
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  const code = await holdFormCode(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
  });
  await page.goto(articlePath(slug));

  // The page has hydrated (the form's holder carries React's props; the form itself is still the
  // server's): before that, a send is the plain form post, which wake.spec.ts covers.
  await hydrated(box(page).locator("xpath=ancestor::form/.."));
  const text = `Sent before the code was here ${uniqueSuffix()}.`;
  await box(page).fill(text);
  await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
  await expect.poll(code.wasHeld).toBe(true);
  // Nothing left the page yet: the plain form's post waits for the code.
  expect(posts.filter((p) => !p.startsWith("/api/me"))).toEqual([]);

  code.release();
  await expect(commentsRegion(page).getByRole("status").filter({ hasText: "Comment posted." })).toBeVisible();
  await expect(commentWith(page, text)).toHaveCount(1);
  expect(posts.filter((p) => p === `/api/articles/${slug}/comments`)).toHaveLength(1);
  expect(page.url()).toContain(articlePath(slug));
});

test("typing at first paint on a slow phone: every try posts what was typed", async ({ page }) => {
  // A moderator: not held to the interval between posts, so the tries can follow one another.
  const user = newUserData("quick", "moderator");
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  for (let i = 1; i <= 6; i++) {
    await page.goto(articlePath(slug), { waitUntil: "commit" });
    const text = `Quick comment number ${i} ${uniqueSuffix()}.`;
    // fill() focuses, then inserts: the two steps may fall either side of hydration.
    await box(page).fill(text);
    await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(commentWith(page, text)).toHaveCount(1, { timeout: 20_000 });
  }
});
