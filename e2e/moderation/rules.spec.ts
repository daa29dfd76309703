import { expect, test } from "@playwright/test";
import { articlePath, postComment } from "../fixtures/discussion";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { expectLogEntry, queueItem, seedQueue, signedInPage } from "./moderation";

// The rules page: bad values are named beside their fields; a saved moderation word holds the
// next comment that uses it, with the word as its reason. (A word no other test uses, removed at the end.)
test.describe.configure({ timeout: 90_000 });

test("an editor adds a moderation word; the next comment with it is held, saying why", async ({ page, browser }) => {
  const editor = createUser("editor", "editor");
  const reader = createUser("reader");
  const word = `zq${uniqueSuffix()
    .replace(/[^a-z0-9]/g, "")
    .slice(-10)}`;
  const { slug } = seedQueue([]);
  await signIn(page, editor.email, editor.password);
  await page.goto("/moderation/settings");

  const threshold = page.getByLabel("Hold contributions with this many links");
  const before = await threshold.inputValue();
  await threshold.fill("99");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(threshold).toHaveAccessibleDescription(/At most 50/);
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await threshold.fill(before);

  const words = page.getByLabel("Moderation words");
  const previous = await words.inputValue();
  await words.fill(`${previous}\n${word}`.trim());
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("The rules are saved.")).toBeVisible();
  try {
    const poster = await signedInPage(browser, reader);
    await poster.goto(articlePath(slug));
    const id = await postComment(poster, `A remark about ${word} here`);
    await expect(poster.locator(`#comment-${id}`)).toContainText("awaiting moderation");
    // Its author is told why, without being told the word.
    const why = poster.locator(`#comment-${id} [data-hold-reason]`);
    await expect(why).toHaveText("It contains a word the editors review.");
    await page.goto(`/moderation?article=${slug}`);
    await expect(queueItem(page, word).getByRole("list", { name: "Why it is here" })).toHaveText(`Word: ${word}`);
    await expectLogEntry(page, editor.name, "Changed the rules", word);
  } finally {
    await page.goto("/moderation/settings");
    const current = await page.getByLabel("Moderation words").inputValue();
    await page.getByLabel("Moderation words").fill(
      current
        .split("\n")
        .filter((w) => w.trim() !== word)
        .join("\n"),
    );
    await page.getByRole("button", { name: "Save rules" }).click();
    await expect(page.getByText("The rules are saved.")).toBeVisible();
  }
});
