import { expect, test } from "@playwright/test";
import { admin } from "../fixtures/env";
import { linkIn, mailTo, newestMailTo } from "../fixtures/mail";
import { accountLink, createUser, signIn, signOut, submitSignIn, uniqueSuffix } from "../fixtures/users";

const sentNotice = /If an account uses that address, we have sent it a link/;

test.describe("password reset", () => {
  test("a reset link from the outbox sets a new password once", async ({ page, browser }) => {
    const user = createUser("reset");
    const newPassword = `new-pw-${uniqueSuffix()}`;

    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Send reset link", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: sentNotice })).toBeVisible();

    // The message, as written to the development outbox…
    const mail = await newestMailTo(user.email, { subject: /reset/i });
    expect(mail.subject).toBe("Reset your SAILBlogs password"); // the publication's name, not the software's (issue 18, item 6)
    expect(mail.from).toMatch(/^SAILBlogs </);
    expect(mail.text).toContain("You got this message because");
    const link = linkIn(mail, "/reset-password");
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);

    // …is listed at /dev/mail for an admin, with the same link.
    const adminContext = await browser.newContext();
    try {
      const adminPage = await adminContext.newPage();
      await signIn(adminPage, admin.email, admin.password);
      const response = await adminPage.goto("/dev/mail");
      expect(response?.status()).toBe(200);
      await expect(adminPage.getByRole("heading", { level: 1, name: "Development outbox" })).toBeVisible();
      const message = adminPage.getByRole("article", { name: mail.subject }).filter({ hasText: `To ${user.email}` });
      await expect(message).toHaveCount(1);
      await expect(message.getByRole("link", { name: link, exact: true })).toHaveAttribute("href", link);
    } finally {
      await adminContext.close();
    }

    // Follow the link and choose a new password.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Set new password", exact: true }).click();
    await expect(page).toHaveURL(/\/signin\?reset=1$/);
    await expect(
      page.getByRole("status").filter({ hasText: "Your password was changed. Sign in with the new one." }),
    ).toBeVisible();

    // The old password no longer works; the new one does.
    await submitSignIn(page, user.email, user.password);
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expect(accountLink(page)).toHaveCount(0);
    await signIn(page, user.email, newPassword);
    await expect(accountLink(page, user.name)).toBeVisible();
    await signOut(page);

    // The link works once: opened again, it says it was used instead of showing the form (issue 18, item 13).
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This reset link was already used");
    await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
    await signIn(page, user.email, newPassword);
  });

  test("an unknown address gets the same answer and no mail", async ({ page }) => {
    const email = `nobody-${uniqueSuffix()}@e2e.test`;
    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send reset link", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: sentNotice })).toBeVisible();
    // The action writes any mail before it answers, so by now there would be one.
    expect(mailTo(email)).toEqual([]);
  });

  test("a made-up reset token is refused", async ({ page }) => {
    await page.goto(`/reset-password?token=${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This reset link is not valid");
    await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  });
});
