import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn } from "../fixtures/users";

const schemes = ["light", "dark"] as const;

const publicPages = [
  { name: "home", path: "/" },
  { name: "article", path: seedArticle.path },
  { name: "sign in", path: "/signin" },
  { name: "sign up", path: "/signup" },
  { name: "forgot password", path: "/forgot-password" },
  { name: "404", path: "/articles/no-such-article" },
  { name: "archive", path: "/archive" },
  { name: "account deleted", path: "/account/deleted" },
  { name: "refused reset link", path: `/reset-password?token=${"x".repeat(43)}` },
];

for (const colorScheme of schemes) {
  test.describe(`axe, ${colorScheme} colour scheme`, () => {
    for (const { name, path } of publicPages) {
      test(`${name} (${path}) has no serious or critical violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("the account page, signed in, has no serious or critical violations", async ({ page }) => {
      const user = createUser("axe");
      await page.emulateMedia({ colorScheme });
      await signIn(page, user.email, user.password);
      await page.goto("/account");
      await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
