import { expect, type Page, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
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

test.describe("returning after sign-in", () => {
  test("the header's Sign in brings you back to the page, query and hash included (from a cached anonymous page)", async ({
    page,
  }) => {
    const user = createUser("returner");
    const { slug } = seedDiscussion();
    const here = `/articles/${slug}?sort=newest#comments`;
    await page.goto(here);
    // Twice: the second view is the cached anonymous page.
    await page.goto(here);
    await expect(signInLink(page)).toHaveAttribute("href", `/signin?returnTo=${encodeURIComponent(here)}`);
    await signInLink(page).click();
    await expect(page).toHaveURL(/\/signin\?returnTo=/);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(accountLink(page)).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe(here);
  });

  test("a returnTo off the site is ignored: no open redirect", async ({ page, baseURL }) => {
    const user = createUser("redirected");
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(accountLink(page)).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname).toBe("/");
    }
  });
});
