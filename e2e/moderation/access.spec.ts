import { expect, test } from "@playwright/test";
import { createUser, signIn } from "../fixtures/users";

// Who is refused where: every board page sends anonymous visitors to sign in and shows readers
// (and board members below the page's role) a "You do not have access" page.
test.describe("moderation pages refuse those who may not use them", () => {
  // Several pages and sign-ins per test.
  test.describe.configure({ timeout: 60_000 });

  test("anonymous visitors are sent to sign in, and come back afterwards", async ({ page }) => {
    await page.goto("/moderation");
    await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)moderation$/);
    const moderator = createUser("moderator", "moderator");
    await page.getByLabel("Email", { exact: true }).fill(moderator.email);
    await page.getByLabel("Password", { exact: true }).fill(moderator.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/moderation$/);
    await expect(page.getByRole("tab", { name: /^Pending/ })).toBeVisible();
    for (const path of ["/moderation/users", "/moderation/log", "/moderation/settings"]) {
      const anonymous = await (await page.context().browser()!.newContext()).newPage();
      await anonymous.goto(path);
      await expect(anonymous).toHaveURL(new RegExp(`/signin\\?returnTo=${path.replaceAll("/", "(%2F|/)")}$`));
      await anonymous.context().close();
    }
  });

  test("a commenter opening /moderation is refused", async ({ page }) => {
    const commenter = createUser("commenter");
    await signIn(page, commenter.email, commenter.password);
    await expect(page.getByRole("link", { name: /^Moderation/ })).toHaveCount(0);
    for (const path of [
      "/moderation",
      "/moderation?status=spam",
      "/moderation/users",
      "/moderation/log",
      "/moderation/settings",
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
      await expect(page.getByRole("tab")).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(Approve|Ban|Change role|Save rules)/ })).toHaveCount(0);
    }
  });

  test("a moderator is refused the rules and cannot change roles; an editor gets the rules", async ({
    page,
    browser,
  }) => {
    const moderator = createUser("moderator", "moderator");
    await signIn(page, moderator.email, moderator.password);
    await page.goto("/moderation/settings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
    await page.goto(`/moderation/users?q=${encodeURIComponent(moderator.email)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Change role" })).toHaveCount(0);
    await expect(
      page.getByRole("navigation", { name: "Moderation sections" }).getByRole("link", { name: "Rules" }),
    ).toHaveCount(0);

    const editor = createUser("editor", "editor");
    const editorPage = await (await browser.newContext()).newPage();
    await signIn(editorPage, editor.email, editor.password);
    await editorPage.goto("/moderation/settings");
    await expect(editorPage.getByRole("heading", { level: 1, name: "Moderation rules" })).toBeVisible();
  });
});
