import { expect, test, type Page } from "@playwright/test";
import { accountLink, createUser, signInLink, submitSignIn } from "../fixtures/users";

const mismatch = "That email and password do not match an account.";

async function expectRefused(page: Page, email: string) {
  await expect(page.getByRole("status").filter({ hasText: mismatch })).toHaveText(mismatch);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(accountLink(page)).toHaveCount(0);
  await expect(signInLink(page)).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => /session-token/.test(c.name))).toEqual([]);
}

test.describe("sign in", () => {
  test("a wrong password gets the mismatch message and no session", async ({ page }) => {
    const user = createUser("wrongpw");
    await submitSignIn(page, user.email, user.password + "-not");
    await expectRefused(page, user.email);
  });

  test("an unknown email gets the very same message", async ({ page }) => {
    const email = `nobody-${Date.now()}-${Math.random().toString(36).slice(2)}@e2e.test`;
    await submitSignIn(page, email, "some-long-password-1");
    await expectRefused(page, email);
  });
});
