import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { accountLink, createUser, newUserData, signIn, signUp, uniqueSuffix } from "../fixtures/users";

// Issue 18, item 13: what a new user met in the account flows.
test("a refused sign-up keeps the password that was typed", async ({ page }) => {
  const existing = createUser("taken");
  const user = newUserData("again");
  await signUp(page, { ...user, email: existing.email });
  await expect(page.getByRole("alert").filter({ hasText: /already/i })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(user.password);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(user.name);
  // Fix the email and send again: the password did not have to be typed twice.
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(accountLink(page, user.name)).toBeVisible();
});

test("a new account lands on a welcome page with next steps", async ({ page }) => {
  const user = newUserData("welcome");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Welcome to .+, ${user.name}$`));
  await expect(page.getByText("Select a passage of an article to add a note")).toBeVisible();
  await expect(page.getByRole("link", { name: "your account page", exact: true })).toHaveAttribute(
    "href",
    "/account#profile",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Read the latest articles" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("signing up from an article offers the way back to it", async ({ page }) => {
  const user = newUserData("returning");
  await page.goto(`/signup?returnTo=${encodeURIComponent(seedArticle.path)}`);
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(page).toHaveURL(/\/welcome\?returnTo=/);
  await page.getByRole("link", { name: "Continue where you were" }).click();
  await expect(page).toHaveURL(new RegExp(`${seedArticle.path}$`));
});

test.describe("a new token", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("has a Copy button that puts it on the clipboard", async ({ page }) => {
    const user = createUser("copier");
    await signIn(page, user.email, user.password);
    await page.goto("/account");
    const name = `copy me ${uniqueSuffix()}`;
    await page.getByLabel("Token name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create token", exact: true }).click();
    const token = await page.getByTestId("new-token").inputValue();
    const copy = page.getByRole("button", { name: `Copy token “${name}”` });
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
