import { expect, test } from "@playwright/test";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { articlePath, margin, seedAnnotations, waitForAnchoring } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test.use({ viewport: { width: 1280, height: 900 } });

test("a keyboard-only reader selects a passage and annotates it", async ({ page }) => {
  const user = createUser("keyboard");
  const { slug } = seedAnnotations();
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);

  // Tab to the article text; a caret appears at its start.
  const body = page.locator("article .article-body");
  for (let i = 0; i < 40 && !(await body.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(body).toBeFocused();

  // Ctrl+Shift+Right selects word by word: "The first paragraph".
  for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await expect.poll(() => page.evaluate(() => document.getSelection()!.toString().trim())).toBe("The first paragraph");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Annotate", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  const textarea = page.getByLabel("Annotation", { exact: true });
  await expect(textarea).toBeFocused();
  const note = `Typed with the keyboard ${uniqueSuffix()}`;
  await page.keyboard.type(note);
  await page.keyboard.press("Tab"); // tags
  await page.keyboard.press("Tab"); // who can read it (Public is chosen)
  await expect(page.getByLabel("Public — everyone can read it")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save annotation" })).toBeFocused();
  await page.keyboard.press("Enter");

  const card = margin(page).locator("article[id^='annotation-']").filter({ hasText: note });
  await expect(card).toBeFocused();
  await expect(card.getByRole("blockquote")).toHaveText("The first paragraph");
  // Reply from the keyboard too.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Reply" })).toBeFocused();
});
