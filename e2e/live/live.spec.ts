import { type Browser, expect, type Page, test } from "@playwright/test";
import { annotate, articlePath, margin, seedAnnotations, waitForAnchoring } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { commentsRegion, postComment } from "../fixtures/discussion";
import { createUser, signIn, type TestUser, uniqueSuffix } from "../fixtures/users";

// Two readers side by side on one article (CONTRACT.md "Live updates"): what one does, the other
// sees without reloading. Accounts come from the CLI and sign in through the form: allow for a
// busy machine.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 900 } });

async function openAs(browser: Browser, user: TestUser, slug: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  await expect(liveState(page)).toHaveAttribute("data-live-state", "open");
  // Set once: gone if the page ever reloads.
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  return { context, page };
}

const liveState = (page: Page) => page.locator("[data-live-state]");
const newButton = (page: Page) => page.getByRole("button", { name: /^\d+ new comments?$/ });
const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
/** Where the article's first paragraph sits in the document (moves if anything above it grows). */
const textTop = (page: Page) =>
  page.evaluate(() => document.querySelector(".article-body p")!.getBoundingClientRect().top + scrollY);
const moderate = (page: Page, origin: string, type: "comment" | "annotation", id: string, action: string) =>
  page.request.post("/api/moderation/actions", { data: { type, ids: [id], action }, headers: { Origin: origin } });

test("a comment, a reply and a note appear for the other reader without a reload; a moderator's removal disappears", async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  // The writer is on the board (no flood interval between the comment and the reply) and moderates.
  const writer = createUser("livewriter", "moderator");
  const reader = createUser("livereader");
  const { slug } = seedAnnotations({ notes: [] });
  const a = await openAs(browser, writer, slug);
  const b = await openAs(browser, reader, slug);
  try {
    // The reader is part-way down, reading the third paragraph.
    await b.page.evaluate(() => document.querySelectorAll(".article-body p")[2].scrollIntoView({ block: "start" }));
    const top = await textTop(b.page);
    const scroll = await b.page.evaluate(() => scrollY);

    const marker = uniqueSuffix();
    const commentId = await postComment(a.page, `Live comment ${marker}.`);
    await expect(newButton(b.page)).toHaveText("1 new comment");
    await expect(liveState(b.page)).toContainText("1 new comment");
    await expect(commentsRegion(b.page)).not.toContainText(`Live comment ${marker}`);

    const parent = a.page.locator(`#comment-${commentId}`);
    await parent.getByRole("button", { name: "Reply", exact: true }).click();
    await parent.getByLabel("Reply", { exact: true }).fill(`Live reply ${marker}.`);
    await parent.getByRole("button", { name: "Post reply", exact: true }).click();
    await expect(a.page.locator("article[id^='comment-']").filter({ hasText: `Live reply ${marker}` })).toBeVisible();
    await expect(newButton(b.page)).toHaveText("2 new comments");
    // Nothing moved under the reader while they waited.
    expect(await textTop(b.page)).toBe(top);
    expect(await b.page.evaluate(() => scrollY)).toBe(scroll);

    await newButton(b.page).click();
    await expect(b.page.locator(`#comment-${commentId}`)).toContainText(`Live comment ${marker}`);
    await expect(b.page.locator(`#comment-${commentId}`)).toBeFocused();
    await expect(
      commentsRegion(b.page)
        .locator("article[id^='comment-']")
        .filter({ hasText: `Live reply ${marker}` }),
    ).toBeVisible();
    await expect(newButton(b.page)).toHaveCount(0);

    const noteId = await annotate(a.page, "the freedom of the seas", `Live note ${marker}`);
    const card = margin(b.page).locator(`#annotation-${noteId}`);
    await expect(card).toContainText(`Live note ${marker}`);
    await expect(liveState(b.page)).toContainText("1 new note");

    // A moderator removes the reply and the note: both go at once; then the comment.
    const replyId = (await commentsRegion(b.page)
      .locator("article[id^='comment-']")
      .filter({ hasText: `Live reply ${marker}` })
      .getAttribute("id"))!.slice("comment-".length);
    expect((await moderate(a.page, origin, "comment", replyId, "trash")).status()).toBe(200);
    await expect(b.page.locator(`#comment-${replyId}`)).toBeHidden({ timeout: 3_000 });
    await expect(commentsRegion(b.page)).not.toContainText(`Live reply ${marker}`, { useInnerText: true });
    await expect(liveState(b.page)).toContainText("1 comment removed");
    expect((await moderate(a.page, origin, "annotation", noteId, "trash")).status()).toBe(200);
    await expect(margin(b.page).locator(`#annotation-${noteId}`)).toHaveCount(0, { timeout: 3_000 });
    expect((await moderate(a.page, origin, "comment", commentId, "trash")).status()).toBe(200);
    await expect(commentsRegion(b.page)).not.toContainText(`Live comment ${marker}`, {
      useInnerText: true,
      timeout: 3_000,
    });

    expect(await notReloaded(b.page)).toBe(true);
    expect(await seriousViolations(b.page)).toEqual([]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("a reader whose stream dropped gets what was posted meanwhile when it comes back", async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const writer = createUser("livewriter2", "moderator");
  const reader = createUser("livereader2");
  const { slug } = seedAnnotations({ notes: [] });
  const a = await openAs(browser, writer, slug);
  const b = await openAs(browser, reader, slug);
  try {
    await b.context.setOffline(true);
    await expect(liveState(b.page)).toHaveAttribute("data-live-state", "closed");
    const marker = uniqueSuffix();
    const posted = await a.page.request.post(`/api/articles/${slug}/comments`, {
      data: { body: `Posted while the reader was away ${marker}.` },
      headers: { Origin: origin },
    });
    expect(posted.status()).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    await b.page.waitForTimeout(1_000);
    await expect(newButton(b.page)).toHaveCount(0);

    await b.context.setOffline(false);
    await expect(liveState(b.page)).toHaveAttribute("data-live-state", "open");
    await expect(newButton(b.page)).toHaveText("1 new comment");
    await newButton(b.page).click();
    await expect(b.page.locator(`#comment-${id}`)).toContainText(`Posted while the reader was away ${marker}`);
    expect(await notReloaded(b.page)).toBe(true);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("the article page with live updates on has no serious or critical axe violations, light and dark", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const writer = createUser("livewriter3", "moderator");
  const { slug } = seedAnnotations({ notes: [] });
  await page.goto(articlePath(slug));
  await expect(liveState(page)).toHaveAttribute("data-live-state", "open");
  const a = await openAs(browser, writer, slug);
  try {
    expect(
      (
        await a.page.request.post(`/api/articles/${slug}/comments`, {
          data: { body: `For axe ${uniqueSuffix()}.` },
          headers: { Origin: origin },
        })
      ).status(),
    ).toBe(201);
    await expect(newButton(page)).toBeVisible();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
  } finally {
    await a.context.close();
  }
});
