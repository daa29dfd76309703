import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi } from "./helpers";

// Issue 18, item 15: the trash (and back), a schedule confirmed in the editor's zone and in UTC,
// and the seed article's first revision credited to the seed.
async function signInAsEditor(page: Page) {
  const editor = createUser("editor", "editor");
  await signIn(page, editor.email, editor.password);
  return editor;
}

test("an editor moves a published article to the trash and restores it; nothing is lost", async ({ page, browser }) => {
  // Eight page loads, two browsers and an axe scan: 30 s is too short when the machine is busy.
  test.setTimeout(60_000);
  await signInAsEditor(page);
  const title = `Trash me ${uniqueSuffix()}`;
  const slug = await publishViaApi(page, "A paragraph readers can see.\n\nAnother one.", title);
  const reader = await browser.newPage({ baseURL: new URL(page.url()).origin });
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(200);

  await page.goto(`/studio/${slug}`);
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/studio\?status=trash/);
  await expect(page.getByRole("status").filter({ hasText: "nothing was deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Trash", exact: true })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("list", { name: "Articles" }).getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("In the trash");
  expect(await seriousViolations(page)).toEqual([]);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  // Not in the main list any more.
  await page.goto(`/studio?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("No article matches.")).toBeVisible();

  await page.goto(`/studio?status=trash&q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Restore “${title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/${slug}\\?restored=1$`));
  await expect(page.getByText("Restored from the trash, as a draft.")).toBeVisible();
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(/A paragraph readers can see\./);
  await reader.close();
});

test.describe("in the editor's time zone", () => {
  test.use({ timezoneId: "Europe/Paris" });

  test("a schedule is confirmed in that zone and in UTC", async ({ page }) => {
    await signInAsEditor(page);
    const created = await page.request.post("/api/articles", {
      headers: { Origin: new URL(page.url()).origin },
      data: { title: `Later ${uniqueSuffix()}`, body: "Not yet." },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.goto(`/studio/${(await created.json()).slug}`);
    await page.getByLabel("Publish at").fill("2030-01-15T10:00");
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(
      page.getByText("Scheduled: it goes live on 15 Jan 2030, 10:00 (Europe/Paris), that is 15 Jan 2030, 09:00 UTC."),
    ).toBeVisible();
  });
});

test("the seed article's first revision is credited to the seed", async ({ page }) => {
  await signInAsEditor(page);
  await page.goto(`/studio/${seedArticle.slug}/revisions`);
  const first = page
    .getByRole("list", { name: "Revisions" })
    .getByRole("listitem")
    .filter({ hasText: /Revision 1 ·/ });
  await expect(first).toContainText("the seed (published on first start)");
  await expect(page.getByText("an imported source")).toHaveCount(0);
});
