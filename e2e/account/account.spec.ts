import { expect, test } from "@playwright/test";
import {
  accountLink,
  createUser,
  openAccountMenu,
  signIn,
  signInLink,
  submitSignIn,
  uniqueSuffix,
} from "../fixtures/users";

const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test.describe("account page", () => {
  test("changing the name shows the new name in the header", async ({ page }) => {
    const user = createUser("rename");
    const newName = `Renamed ${uniqueSuffix().slice(-8)}`;
    await signIn(page, user.email, user.password);
    await expect(accountLink(page, user.name)).toBeVisible();
    await openAccountMenu(page);
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Account settings" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    const name = page.getByLabel("Name", { exact: true });
    await expect(name).toHaveValue(user.name);
    await name.fill(newName);
    await page.getByRole("button", { name: "Save name", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your name is saved." })).toBeVisible();
    await expect(accountLink(page, newName)).toBeVisible();

    await page.goto("/");
    await expect(accountLink(page, newName)).toBeVisible();
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({ name: newName });
  });

  test("an empty name is refused", async ({ page }) => {
    const user = createUser("emptyname");
    await signIn(page, user.email, user.password);
    await page.goto("/account");
    await page.getByLabel("Name", { exact: true }).fill("  ");
    await page.getByRole("button", { name: "Save name", exact: true }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Enter your name." })).toBeVisible();
    await page.goto("/");
    await expect(accountLink(page, user.name)).toBeVisible();
  });

  test("a picture can be uploaded, is shown and can be removed; other files are refused", async ({ page }) => {
    const user = createUser("avatar");
    await signIn(page, user.email, user.password);
    await page.goto("/account");
    const picture = page.getByRole("region", { name: "Picture" }).getByLabel("Picture", { exact: true });
    const shownPicture = page.locator('img[src^="/api/users/"]');
    await expect(shownPicture).toHaveCount(0);

    await picture.setInputFiles({
      name: "notes.txt",
      mimeType: "image/png",
      buffer: Buffer.from("not an image at all"),
    });
    await page.getByRole("button", { name: "Upload picture", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose a PNG, JPEG, WebP or GIF image." })).toBeVisible();
    await expect(shownPicture).toHaveCount(0);

    await picture.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: onePixelPng });
    await page.getByRole("button", { name: "Upload picture", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your picture is saved." })).toBeVisible();
    await expect(shownPicture).toHaveCount(1);
    const image = await page.request.get((await shownPicture.getAttribute("src"))!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await image.body(), onePixelPng)).toBe(0);

    await page.getByRole("button", { name: "Remove picture", exact: true }).click();
    await expect(shownPicture).toHaveCount(0);
  });

  test("changing the password needs the current one and ends every session", async ({ page, browser }) => {
    const user = createUser("passwd");
    const newPassword = `changed-${uniqueSuffix()}`;
    const other = await browser.newContext();
    try {
      await signIn(await other.newPage(), user.email, user.password);
      await signIn(page, user.email, user.password);
      await page.goto("/account");

      await page.getByLabel("Current password", { exact: true }).fill("not-my-password-1");
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByRole("button", { name: "Change password", exact: true }).click();
      await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("alert").filter({ hasText: "Your current password is not right." })).toBeVisible();
      expect((await page.request.get("/api/me")).status()).toBe(200);

      await page.getByLabel("Current password", { exact: true }).fill(user.password);
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByRole("button", { name: "Change password", exact: true }).click();
      await expect(page).toHaveURL(/\/signin\?changed=1$/);
      await expect(
        page.getByRole("status").filter({ hasText: "Your password was changed and every session was signed out." }),
      ).toBeVisible();
      await expect(signInLink(page)).toBeVisible();
      expect((await page.request.get("/api/me")).status()).toBe(401);
      expect((await other.request.get("/api/me")).status()).toBe(401);

      await signIn(page, user.email, newPassword);
      await expect(accountLink(page, user.name)).toBeVisible();
    } finally {
      await other.close();
    }
  });

  test("signing out everywhere ends the sessions of every browser", async ({ page, browser }) => {
    const user = createUser("everywhere");
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, user.email, user.password);
      await signIn(page, user.email, user.password);

      await page.goto("/account");
      await page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
      await expect(page).toHaveURL(/\/signin\?everywhere=1$/);
      await expect(page.getByRole("status").filter({ hasText: "You were signed out on every device." })).toBeVisible();
      await expect(signInLink(page)).toBeVisible();
      expect((await page.request.get("/api/me")).status()).toBe(401);

      // The other browser still holds its cookie, but its next request finds the session gone.
      expect((await other.request.get("/api/me")).status()).toBe(401);
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/signin\?returnTo=%2Faccount|\/signin\?returnTo=\/account/);
      await expect(signInLink(otherPage)).toBeVisible();
      await expect(accountLink(otherPage)).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  test("deleting the account signs out and the account cannot sign in again", async ({ page }) => {
    const user = createUser("delete");
    await signIn(page, user.email, user.password);
    await page.goto("/account");

    // Without typing DELETE nothing happens.
    await page.getByLabel("Your password", { exact: true }).fill(user.password);
    await page.getByLabel("Type DELETE to confirm", { exact: true }).fill("delete");
    await page.getByRole("button", { name: "Delete my account", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Type DELETE to confirm." })).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await page.getByLabel("Your password", { exact: true }).fill(user.password);
    await page.getByLabel("Type DELETE to confirm", { exact: true }).fill("DELETE");
    await page.getByRole("button", { name: "Delete my account", exact: true }).click();
    // It says it is done (issue 18, item 13).
    await expect(page).toHaveURL(/\/account\/deleted$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");
    await expect(page.getByRole("status").filter({ hasText: "Your comments and notes stay" })).toBeVisible();
    await expect(signInLink(page)).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);

    await submitSignIn(page, user.email, user.password);
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expect(accountLink(page)).toHaveCount(0);
  });
});
