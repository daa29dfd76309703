import { expect, test } from "@playwright/test";
import { createUser, type Role, signIn } from "../fixtures/users";

// Every role gets an "is refused" spec: what each one may not reach.
test.describe("anonymous visitors are refused", () => {
  test("the account page sends them to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    const user = createUser("returnto");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });

  test("the development outbox sends them to sign in", async ({ page }) => {
    await page.goto("/dev/mail");
    await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)dev(%2F|\/)mail$/);
  });

  test("the API answers 401", async ({ request }) => {
    expect((await request.get("/api/me")).status()).toBe(401);
  });
});

for (const role of ["commenter", "moderator", "editor"] satisfies Role[]) {
  test(`${/^[aeiou]/.test(role) ? "an" : "a"} ${role} gets 404 on the development outbox`, async ({ page }) => {
    const user = createUser(role, role);
    await signIn(page, user.email, user.password);
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({ role });
    const response = await page.goto("/dev/mail");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
    await expect(page.getByText("Development outbox")).toHaveCount(0);
  });
}
