import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, commentsRegion, type SeedComment, seedDiscussion } from "../fixtures/discussion";
import { createUser, newUserData, signIn } from "../fixtures/users";

// Issue 22: a page load shows a long thread in part ("Show N more replies"). A reply that arrives
// live into the part not shown raises that count instead of announcing a new comment out of
// context; a reply into a thread shown whole is still a "new comment".
test.describe.configure({ timeout: 120_000 });

let slug = "";
let ids: string[] = [];
let author = "";
const REPLIES = 110;

test.beforeAll(() => {
  const a = newUserData("branch-a");
  const b = newUserData("branch-b");
  author = a.name;
  const comments: SeedComment[] = [{ author: a.email, body: "The root of a long thread." }];
  for (let i = 1; i <= REPLIES; i++)
    comments.push({ author: b.email, body: `Reply number ${i} in the long thread.`, parent: 0 });
  comments.push({ author: b.email, body: "A short thread." });
  ({ slug, ids } = seedDiscussion({ users: [a, b], title: "A long thread that grows while it is read", comments }));
});

const liveState = (page: Page) => page.locator("[data-live-state]");
const moreButton = (page: Page) =>
  commentsRegion(page).getByRole("button", { name: new RegExp(`^Show \\d+ more replies to ${author}$`) });
const newButton = (page: Page) => page.getByRole("button", { name: /^\d+ new comments?$/ });

test("a live reply into the part of a branch not shown raises its “N more replies”; one into a whole thread is a new comment", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto(articlePath(slug));
  await expect(liveState(page)).toHaveAttribute("data-live-state", "open");
  const button = moreButton(page);
  const before = Number(/Show (\d+) more/.exec((await button.textContent()) ?? "")?.[1]);
  expect(before).toBeGreaterThan(0);
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  // Another reader replies: to the thread's root (its list is shown in part), and to a reply that
  // is not on the page (deeper in the part not shown).
  const writer = createUser("branchwriter", "moderator");
  const context = await browser.newContext();
  const other = await context.newPage();
  try {
    await signIn(other, writer.email, writer.password);
    const origin = new URL(baseURL!).origin;
    const post = async (body: string, parentId?: string) => {
      const res = await other.request.post(`/api/articles/${slug}/comments`, {
        data: { body, ...(parentId ? { parentId } : {}) },
        headers: { Origin: origin },
      });
      expect(res.status()).toBe(201);
      return (await res.json()).id as string;
    };
    const hidden = ids[REPLIES];
    await expect(page.locator(`#comment-${hidden}`)).toHaveCount(0);
    const r1 = await post("A live reply to the root of the long thread.", ids[0]);
    await expect(button).toHaveText(`Show ${before + 1} more replies`);
    const r2 = await post("A live reply to a reply the page does not show.", hidden);
    await expect(button).toHaveText(`Show ${before + 2} more replies`);
    await expect(liveState(page)).toContainText("new repl");
    // Not announced as new comments, not drawn out of context.
    await expect(newButton(page)).toHaveCount(0);
    await expect(page.locator(`#comment-${r1}`)).toHaveCount(0);

    // A reply to the short thread (shown whole) is a new comment, behind the button, as before.
    await post("A live reply to the short thread.", ids[REPLIES + 1]);
    await expect(newButton(page)).toHaveText("1 new comment");
    await expect(button).toHaveText(`Show ${before + 2} more replies`);

    // Loading the branch shows both live replies where they belong, without a reload.
    // (The rest of the branch, the live replies included, is one page of the replies API.)
    await button.click();
    await expect(page.locator(`#comment-${r1}`)).toContainText("A live reply to the root of the long thread.");
    await expect(page.locator(`#comment-${r2}`)).toContainText("A live reply to a reply the page does not show.");
    await expect(moreButton(page)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
