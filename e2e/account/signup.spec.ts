import { expect, type Page, test } from "@playwright/test";
import { accountLink, createUser, newUserData, signIn, signInLink, signOut, signUp } from "../fixtures/users";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The error shown beside a sign-up field: announced (role=alert) and tied to the input. */
async function expectFieldError(page: Page, label: string, message: string | RegExp) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // The description holds the field's hint, then its error.
  await expect(field).toHaveAccessibleDescription(
    typeof message === "string" ? new RegExp(`${escapeRegExp(message)}$`) : message,
  );
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
}

test.describe("sign up", () => {
  test("a visitor signs up, sees their name, signs out and signs in again", async ({ page }) => {
    const user = newUserData("signup");
    await signUp(page, user);

    await expect(accountLink(page, user.name)).toBeVisible();
    await expect(accountLink(page, user.name)).toHaveText(user.name);
    await expect(page).not.toHaveURL(/\/signup/);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, name: user.name, role: "commenter" });

    await signOut(page);
    await expect(accountLink(page)).toHaveCount(0);
    expect((await page.request.get("/api/me")).status()).toBe(401);

    await signIn(page, user.email, user.password);
    await expect(accountLink(page, user.name)).toBeVisible();
  });

  test("the email is stored in lower case", async ({ page }) => {
    const user = newUserData("mixedcase");
    await signUp(page, { ...user, email: user.email.toUpperCase() });
    await expect(accountLink(page, user.name)).toBeVisible();
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({ email: user.email });
  });

  test("a too short password is refused beside the field and creates nothing", async ({ page }) => {
    const user = newUserData("shortpw");
    await signUp(page, { ...user, password: "short" });
    await expectFieldError(page, "Password", "Use at least 10 characters.");
    await expect(page.getByLabel("Name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(signInLink(page)).toBeVisible();
    await expect(accountLink(page)).toHaveCount(0);

    // Nothing was created: the same email is still free.
    await signUp(page, user);
    await expect(accountLink(page, user.name)).toBeVisible();
  });

  test("a common password is refused", async ({ page }) => {
    const user = newUserData("commonpw");
    await signUp(page, { ...user, password: "password123" });
    await expectFieldError(page, "Password", /too common|too easy/);
    await expect(accountLink(page)).toHaveCount(0);
  });

  test("an empty name is refused beside the field and creates nothing", async ({ page }) => {
    const user = newUserData("noname");
    await signUp(page, { ...user, name: "   " });
    await expectFieldError(page, "Name", "Enter your name.");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
    await expect(accountLink(page)).toHaveCount(0);

    await signUp(page, user);
    await expect(accountLink(page, user.name)).toBeVisible();
  });

  test("a duplicate email (in any case) is refused with a clear message and changes nothing", async ({ page }) => {
    const existing = createUser("existing");
    const intruder = newUserData("intruder");
    await signUp(page, { ...intruder, email: existing.email.toUpperCase() });
    await expectFieldError(page, "Email", /An account with this email already exists/);
    await expect(accountLink(page)).toHaveCount(0);

    // The existing account is untouched: its own password still works and its name is unchanged.
    await signIn(page, existing.email, existing.password);
    await expect(accountLink(page, existing.name)).toBeVisible();
  });
});
