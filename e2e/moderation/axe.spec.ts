import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { admin } from "../fixtures/env";
import { createUser, signIn } from "../fixtures/users";
import { seedQueue } from "./moderation";

// The board's pages, with something in the queue, in both colour schemes.
test.describe("axe on the moderation pages", () => {
  test.describe.configure({ timeout: 60_000 });
  let slug = "";
  let authorEmail = "";
  test.beforeAll(() => {
    const author = createUser("axe-author", "commenter", { trusted: false });
    authorEmail = author.email;
    slug = seedQueue([
      {
        author: author.email,
        body: "A held comment with [a link](https://example.com).",
        reasons: ["first_comment", "links"],
      },
      { author: author.email, body: "A held note.", type: "annotation", reasons: ["reported:3"] },
    ]).slug;
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const name of ["queue", "users", "log", "settings"] as const) {
      test(`${name} (${colorScheme}) has no serious or critical violations`, async ({ page }) => {
        const path = {
          queue: `/moderation?article=${slug}`,
          users: `/moderation/users?q=${encodeURIComponent(authorEmail)}`,
          log: "/moderation/log",
          settings: "/moderation/settings",
        }[name];
        await page.emulateMedia({ colorScheme });
        await signIn(page, admin.email, admin.password);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  test("the refusal page has no serious or critical violations", async ({ page }) => {
    const commenter = createUser("axe-commenter");
    await signIn(page, commenter.email, commenter.password);
    await page.goto("/moderation");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
