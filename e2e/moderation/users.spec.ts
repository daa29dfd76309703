import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, postComment } from "../fixtures/discussion";
import { admin } from "../fixtures/env";
import { createUser, openAccountMenu, signIn, uniqueSuffix } from "../fixtures/users";
import { expectLogEntries, expectLogEntry, seedQueue, signedInPage } from "./moderation";

const userRow = (page: import("@playwright/test").Page, email: string) =>
  page.getByRole("list", { name: "Users" }).getByRole("listitem").filter({ hasText: email });

test.describe("bans and roles at /moderation/users", () => {
  // Two people at two browsers, several pages each.
  test.describe.configure({ timeout: 90_000 });

  test("a ban stops the banned user from posting at once; unban lets them back; the log shows both", async ({
    page,
    browser,
  }) => {
    const reader = createUser("reader");
    const moderator = createUser("moderator", "moderator");
    const { slug } = seedQueue([]);
    await signIn(page, reader.email, reader.password);
    await page.goto(articlePath(slug));
    await postComment(page, `Before the ban ${uniqueSuffix()}`);

    const board = await signedInPage(browser, moderator);
    await board.goto(`/moderation/users?q=${encodeURIComponent(reader.email)}`);
    const row = userRow(board, reader.email);
    await row.getByLabel("Ban for", { exact: true }).selectOption({ label: "1 day" });
    await row.getByLabel("Reason", { exact: true }).fill("Personal attacks in the thread");
    await row.getByRole("button", { name: "Ban", exact: true }).click();
    // Dates as the rest of the UI writes them ("27 Nov 2026, 04:34 UTC"), not toUTCString's.
    await expect(row).toContainText(/banned until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
    await expect(row).toContainText("Reason: Personal attacks in the thread");

    // The reader's open page: the very next post is refused, with the reason.
    await commentsRegion(page).getByLabel("Comment", { exact: true }).fill(`After the ban ${uniqueSuffix()}`);
    await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(commentsRegion(page).getByRole("status").filter({ hasText: "banned" })).toContainText(
      "Personal attacks in the thread",
    );
    await page.reload();
    await expect(commentsRegion(page).getByText("After the ban")).toHaveCount(0);
    // Now the page says so where the form was, with the end of the ban and its reason.
    await expect(commentsRegion(page).getByRole("note")).toHaveText(
      /^You are banned from commenting until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC: Personal attacks in the thread$/,
    );
    await expect(commentsRegion(page).getByLabel("Comment", { exact: true })).toHaveCount(0);
    // Still reading.
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await userRow(board, reader.email).getByRole("button", { name: "Unban" }).click();
    await expect(userRow(board, reader.email)).toContainText("active");
    await expectLogEntries(
      board,
      [moderator.name, "Banned", reader.email, "duration: 1 day", "Personal attacks in the thread"],
      [moderator.name, "Unbanned", reader.email],
    );
  });

  test("an admin changes a user's role and it bites on that user's next request", async ({ page, browser }) => {
    const user = createUser("promoted");
    await signIn(page, user.email, user.password);
    await page.goto("/moderation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");

    const adminPage = await signedInPage(browser, admin);
    await adminPage.goto(`/moderation/users?q=${encodeURIComponent(user.email)}`);
    const row = userRow(adminPage, user.email);
    await row.getByLabel("Role", { exact: true }).selectOption("moderator");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(row.getByRole("status").filter({ hasText: "Role changed to moderator." })).toBeVisible();
    await expect(row).toContainText("moderator");

    // The same session, next request: the queue opens and the header shows the badge.
    await page.reload();
    await expect(page.getByRole("tab", { name: /^Pending/ })).toBeVisible();
    await openAccountMenu(page);
    await expect(page.getByRole("link", { name: /^Moderation, \d+ waiting$/ })).toBeVisible();
    await expectLogEntry(adminPage, "Changed role", user.email, "role: commenter → moderator");

    // And back: the demotion bites as quickly.
    await adminPage.goto(`/moderation/users?q=${encodeURIComponent(user.email)}`);
    await userRow(adminPage, user.email).getByLabel("Role", { exact: true }).selectOption("commenter");
    await userRow(adminPage, user.email).getByRole("button", { name: "Change role" }).click();
    await expect(
      userRow(adminPage, user.email).getByRole("status").filter({ hasText: "Role changed to commenter." }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
  });
});
