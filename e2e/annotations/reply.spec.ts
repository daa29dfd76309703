import { expect, test } from "@playwright/test";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { articlePath, margin, seedAnnotations, waitForAnchoring } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test.use({ viewport: { width: 1280, height: 900 } });

test("a reader replies to a note in the margin; the reply stays after a reload", async ({ page }) => {
  const author = createUser("noted", "moderator");
  const replier = createUser("replier");
  const {
    slug,
    ids: [noteId],
  } = seedAnnotations({
    notes: [{ author: author.email, exact: "the freedom of the seas", note: "Grotius said so.", tags: ["history"] }],
  });
  await signIn(page, replier.email, replier.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);

  const card = margin(page).locator(`#annotation-${noteId}`);
  await expect(card.getByRole("blockquote")).toHaveText("the freedom of the seas");
  await expect(card.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await card.getByRole("button", { name: "Reply", exact: true }).click();
  const text = `Selden disagreed ${uniqueSuffix()}`;
  await card.getByLabel("Reply", { exact: true }).fill(text);
  await card.getByRole("button", { name: "Post reply", exact: true }).click();

  const replies = card.getByRole("list", { name: `Replies to ${author.name}` });
  const reply = replies.getByRole("article", { name: `Reply by ${replier.name}` });
  await expect(reply).toContainText(text);
  await expect(reply).toBeFocused();
  // The reply is the replier's own: Edit and Delete; the note is someone else's: Report.
  await expect(reply.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Report" }).first()).toBeVisible();

  await page.reload();
  await waitForAnchoring(page);
  await expect(
    margin(page)
      .locator(`#annotation-${noteId}`)
      .getByRole("list", { name: `Replies to ${author.name}` }),
  ).toContainText(text);
});

test("an author edits and deletes their note; another reader reports one", async ({ page, browser }) => {
  const author = createUser("editor-of-notes");
  const reporter = createUser("reporter");
  const {
    slug,
    ids: [mine],
  } = seedAnnotations({ notes: [{ author: author.email, exact: "state responsibility", note: "Original words." }] });
  await signIn(page, author.email, author.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);

  const card = margin(page).locator(`#annotation-${mine}`);
  await card.getByRole("button", { name: "Edit", exact: true }).click();
  await card.getByLabel("Edit note").fill("Better words.");
  await card.getByRole("button", { name: "Save changes" }).click();
  await expect(card).toContainText("Better words.");
  await expect(card).toContainText("edited");

  const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const otherPage = await other.newPage();
  await signIn(otherPage, reporter.email, reporter.password);
  await otherPage.goto(articlePath(slug));
  await waitForAnchoring(otherPage);
  const theirs = margin(otherPage).locator(`#annotation-${mine}`);
  await expect(theirs).toContainText("Better words.");
  await theirs.getByRole("button", { name: "Report", exact: true }).click();
  // No reason is chosen for the reader: sending without one asks for it.
  for (const reason of ["Spam", "Harassment", "Off-topic", "Something else"])
    await expect(theirs.getByRole("radio", { name: reason })).not.toBeChecked();
  await theirs.getByRole("button", { name: "Send report" }).click();
  await expect(theirs.getByRole("status").filter({ hasText: "Choose why you are reporting it." })).toBeVisible();
  await theirs.getByRole("radio", { name: "Spam" }).check();
  await theirs.getByRole("button", { name: "Send report" }).click();
  await expect(theirs.getByRole("status").filter({ hasText: "moderators will look" })).toBeVisible();
  await other.close();

  await card.getByRole("button", { name: "Delete", exact: true }).click();
  await card.getByRole("button", { name: "Yes, delete" }).click();
  await expect(margin(page).locator(`#annotation-${mine}`)).toHaveCount(0);
  await page.reload();
  await waitForAnchoring(page);
  await expect(page.locator(`#annotation-${mine}`)).toHaveCount(0);
});

test("the filter shows the notes of one person or one tag", async ({ page }) => {
  const ann = createUser("ann", "moderator");
  const bob = createUser("bob", "moderator");
  const {
    slug,
    ids: [a, b],
  } = seedAnnotations({
    notes: [
      { author: ann.email, exact: "the freedom of the seas", note: "Ann on the seas.", tags: ["sea"] },
      { author: bob.email, exact: "state responsibility", note: "Bob on responsibility.", tags: ["law"] },
    ],
  });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  await margin(page).getByLabel("Notes by").selectOption({ label: ann.name });
  await expect(margin(page).locator(`#annotation-${a}`)).toBeVisible();
  await expect(margin(page).locator(`#annotation-${b}`)).toHaveCount(0);
  await margin(page).getByLabel("Notes by").selectOption({ label: "Everyone" });
  await margin(page).getByLabel("Tag", { exact: true }).selectOption("law");
  await expect(margin(page).locator(`#annotation-${b}`)).toBeVisible();
  await expect(margin(page).locator(`#annotation-${a}`)).toHaveCount(0);
});
