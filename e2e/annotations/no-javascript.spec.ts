import { expect, test } from "@playwright/test";
import { createUser } from "../fixtures/users";
import { articlePath, notesList, seedAnnotations } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test.use({ javaScriptEnabled: false });

test("without JavaScript, notes are listed after the article with their passages", async ({ page }) => {
  const ann = createUser("nojs-ann", "moderator");
  const bob = createUser("nojs-bob", "moderator");
  const {
    slug,
    ids: [note, reply, orphan, hidden],
  } = seedAnnotations({
    notes: [
      { author: ann.email, exact: "the tidal obligations of coastal states", note: "Coastal states **must** act." },
      { author: bob.email, note: "A reply without scripts.", parent: 0 },
      { author: ann.email, exact: "a sentence that was edited away", note: "Lost its passage.", orphaned: true },
      { author: bob.email, exact: "state responsibility", note: "Bob's private note.", audience: "private" },
    ],
  });
  await page.goto(articlePath(slug));

  const list = notesList(page);
  await expect(list.getByRole("heading", { name: "Notes on this article (2)" })).toBeVisible();
  const item = list.locator(`#annotation-${note}`);
  await expect(item.getByRole("blockquote")).toHaveText("the tidal obligations of coastal states");
  await expect(item).toContainText(ann.name);
  await expect(item.locator("strong")).toHaveText("must");
  await expect(item.locator("time").first()).toBeVisible();
  await expect(item.locator(`#annotation-${reply}`)).toContainText("A reply without scripts.");
  await expect(item.getByRole("button")).toHaveCount(0);

  const orphaned = list.getByRole("region", { name: "Orphaned" });
  await expect(orphaned.locator(`#annotation-${orphan}`)).toContainText("a sentence that was edited away");
  await expect(orphaned.locator(`#annotation-${orphan}`)).toContainText("Lost its passage.");
  await expect(page.locator(`#annotation-${hidden}`)).toHaveCount(0);

  // The permalink lands on the listed note.
  await page.goto(`${articlePath(slug)}/annotations/${note}`);
  await expect(page).toHaveURL(new RegExp(`#annotation-${note}$`));
  await expect(page.locator(`#annotation-${note}`)).toBeVisible();
});

test("without JavaScript, each listed note links to its passage, which the page marks", async ({ page }) => {
  const ann = createUser("nojs-link", "moderator");
  const passage = "the attribution problem that follows";
  const {
    slug,
    ids: [note],
  } = seedAnnotations({ notes: [{ author: ann.email, exact: passage, note: "Which problem?" }] });
  await page.goto(articlePath(slug));
  const item = notesList(page).locator(`#annotation-${note}`);
  await item.getByRole("link", { name: "Show in text" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?note=${note}#passage-${note}$`));
  const mark = page.locator(`article .article-body mark#passage-${note}`);
  await expect(mark).toHaveText(passage);
  await expect(mark).toBeInViewport();
  // The way back to the note, and the plain page has no mark.
  await expect(mark.getByRole("link")).toHaveCount(0);
  await page.goto(articlePath(slug));
  await expect(page.locator("article .article-body mark")).toHaveCount(0);
  // An unknown or private note marks nothing and is no error.
  const missing = await page.goto(`${articlePath(slug)}?note=nope`);
  expect(missing!.status()).toBe(200);
  await expect(page.locator("article .article-body mark")).toHaveCount(0);
});
