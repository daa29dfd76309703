import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { admin, repoRoot } from "../fixtures/env";
import { createUser, newUserData, signIn, signUp, uniqueSuffix } from "../fixtures/users";
import { publishViaApi } from "../studio/helpers";

// Screenshots of the pages issue 18's "new user" items changed, wide and phone, light and dark,
// into docs/screenshots/newuser-*.png. Not a check: runs only with NEWUSER_SCREENSHOTS=1.
test.skip(!process.env.NEWUSER_SCREENSHOTS, "screenshots only on request (NEWUSER_SCREENSHOTS=1)");
test.setTimeout(180_000);

const out = path.join(repoRoot, "docs", "screenshots");
const sizes = [
  { name: "wide", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function shoot(page: Page, name: string, { dark = false } = {}) {
  fs.mkdirSync(out, { recursive: true });
  await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    await page.screenshot({
      path: path.join(out, `newuser-${name}-${size.name}${dark ? "-dark" : ""}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("reader pages and the import summary", async ({ page }, testInfo) => {
  await signIn(page, admin.email, admin.password);
  const slug = await publishViaApi(
    page,
    `The court was plain.\n\n> "Countermeasures must be proportionate."\n\nSo were the parties.`,
    `On proportionality ${uniqueSuffix().slice(-6)}`,
  );
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, "");
  const file = testInfo.outputPath("blog.xml");
  fs.writeFileSync(
    file,
    fs
      .readFileSync(path.join(repoRoot, "tests", "fixtures", "wxr", "blog-1.2.xml"), "utf8")
      .replaceAll("https://oldlaw.example.com", `https://oldlaw-${suffix}.example.com`),
  );
  await page.goto("/import");
  await page.getByLabel("WordPress export (WXR)", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("list", { name: "Imported articles" })).toBeVisible();
  await shoot(page, "import-summary");
  await page.context().clearCookies();
  await page.goto(`/articles/${slug}`);
  await page.locator(".article-body blockquote").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, "newuser-blockquote-wide.png") });
  await page.goto("/archive");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
  await shoot(page, "archive");
  await shoot(page, "archive", { dark: true });
});

test("a person's page, the welcome page and the account page", async ({ page, browser }) => {
  const user = newUserData("Ada");
  await signUp(page, { ...user, name: "Ada Okafor" });
  await expect(page).toHaveURL(/\/welcome/);
  await shoot(page, "welcome");
  await page.goto("/account");
  await page.getByLabel("Short bio").fill("Reads the law of the sea for fun; writes margin notes on treaties.");
  await page.getByRole("button", { name: "Save bio" }).click();
  await expect(page.getByText("Your bio is saved.")).toBeVisible();
  await page.getByLabel("Token name", { exact: true }).fill("export script");
  await page.getByRole("button", { name: "Create token", exact: true }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await shoot(page, "account");
  const me = (await (await page.request.get("/api/me")).json()) as { id: string };
  const visitor = await (await browser.newContext({ baseURL: new URL(page.url()).origin })).newPage();
  await visitor.goto(`/users/${me.id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Ada Okafor");
  await shoot(visitor, "user-page");
  await visitor.close();
});

test("studio trash, used reset link, deleted account", async ({ page }) => {
  const editor = createUser("editor", "editor");
  await signIn(page, editor.email, editor.password);
  const title = `Draft to bin ${uniqueSuffix().slice(-6)}`;
  const slug = await publishViaApi(page, "Words.", title);
  await page.goto(`/studio/${slug}`);
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/status=trash/);
  await shoot(page, "studio-trash");
  await page.goto(`/reset-password?token=${"x".repeat(43)}`);
  await shoot(page, "reset-link-refused");
  await page.goto("/account/deleted");
  await shoot(page, "account-deleted");
});
