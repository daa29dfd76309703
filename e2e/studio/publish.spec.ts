import { expect, test } from "@playwright/test";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi, saveStatus } from "./helpers";

// Accounts come from the CLI and the editor compiles Markdown in the browser: allow a busy machine.
test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 1400, height: 900 } });

test("an editor writes a new article, sees it previewed as readers will, and publishes it", async ({
  page,
  browser,
}) => {
  const editor = createUser("writer", "editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/studio");
  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();

  const title = `Cyber Operations and Sovereignty ${uniqueSuffix()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  // The slug follows the title until it is edited.
  await expect(page.getByLabel("Slug")).toHaveValue(/^cyber-operations-and-sovereignty-/);
  await page
    .getByLabel("Body", { exact: true })
    .fill(
      "## Why it matters\n\nA state’s *servers* are part of its **territory**.\n\n- first point\n- second point\n\n> Quoted words.",
    );

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2, name: "Why it matters" })).toBeVisible();
  await expect(preview.locator(".article-body em")).toHaveText("servers");
  await expect(preview.locator(".article-body strong")).toHaveText("territory");
  await expect(preview.locator(".article-body li")).toHaveText(["first point", "second point"]);
  await expect(preview).toContainText(title);

  // The draft saves itself, and the address becomes the article's.
  await expect(saveStatus(page)).toHaveText("Saved", { timeout: 20_000 });
  await expect(page).toHaveURL(/\/studio\/cyber-operations-and-sovereignty-[a-z0-9-]+$/);
  const slug = page.url().split("/").at(-1)!;
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/articles/${slug}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Update", exact: true })).toBeVisible();

  // Readers see exactly what the preview showed.
  const reader = await anonymous.newPage();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  const body = reader.locator("article .article-body");
  await expect(body.getByRole("heading", { level: 2, name: "Why it matters" })).toBeVisible();
  await expect(body.locator("em")).toHaveText("servers");
  await expect(body.locator("blockquote")).toContainText("Quoted words.");
  await expect(reader.locator('a[rel="author"]')).toHaveText(editor.name); // the byline (the citation box names the author too)
  await anonymous.close();

  // It is listed under Published in the studio.
  await page.goto(`/studio?status=published&q=${encodeURIComponent(title)}`);
  await expect(
    page.getByRole("list", { name: "Articles" }).getByRole("link", { name: title, exact: true }),
  ).toBeVisible();
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  const editor = createUser("leaver", "editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(`Leaving ${uniqueSuffix()}`);
  const asked = page.waitForEvent("dialog");
  void page.getByRole("link", { name: "← All articles" }).click();
  const dialog = await asked;
  expect(dialog.message()).toContain("unsaved changes");
  await dialog.dismiss();
  await expect(page).toHaveURL(/\/studio\/new$/);
  // Once saved, leaving asks nothing.
  await expect(saveStatus(page)).toHaveText("Saved", { timeout: 20_000 });
  await page.getByRole("link", { name: "← All articles" }).click();
  await expect(page).toHaveURL(/\/studio$/);
});

test("unpublishing takes the article away from readers; publishing again brings it back", async ({ page, browser }) => {
  const editor = createUser("unpublisher", "editor");
  await signIn(page, editor.email, editor.password);
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/articles", {
    headers: { Origin: origin },
    data: { title: `To unpublish ${uniqueSuffix()}`, body: "Short-lived words.", status: "published" },
  });
  expect(created.status()).toBe(201);
  const { slug } = await created.json();
  const reader = await browser.newContext();
  expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(200);

  await page.goto(`/studio/${slug}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Back to draft" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  expect((await reader.request.get(`/articles/${slug}`)).status()).toBe(200);
  await reader.close();
});

test("Update clicked while an autosave is on its way publishes, with no false conflict", async ({ page }) => {
  const editor = createUser("racer", "editor");
  await signIn(page, editor.email, editor.password);
  const slug = await publishViaApi(page, "The first paragraph.\n\nThe second paragraph.");
  await page.goto(`/studio/${slug}`);
  const body = page.getByLabel("Body", { exact: true });
  await expect(body).toHaveValue(/The second paragraph\./);

  // Hold the autosave (a server action POST) on its way, click Update meanwhile, then let it go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let autosaves = 0;
  await page.route(`**/studio/${slug}`, async (route) => {
    if (route.request().method() === "POST" && autosaves++ === 0) await held;
    await route.continue();
  });
  await body.fill("The first paragraph, revised.\n\nThe second paragraph.");
  await expect(saveStatus(page)).toHaveText("Saving…", { timeout: 20_000 });
  await page.getByRole("button", { name: "Update", exact: true }).click();
  release();

  await expect(page.getByRole("status").filter({ hasText: /^Published|^Updated/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Someone else saved this article/)).toHaveCount(0);
  const reader = await page.request.get(`/api/articles/${slug}`);
  expect((await reader.json()).text).toContain("The first paragraph, revised.");
});
