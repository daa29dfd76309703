import fs from "node:fs";
import path from "node:path";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { commentsRegion } from "../fixtures/discussion";
import { admin, repoRoot } from "../fixtures/env";
import { createUser, type Role, signIn, uniqueSuffix } from "../fixtures/users";

// The admin's import page (/import): upload a WordPress export, read the counts, find the posts
// and their threaded comments on the site; bad files and non-admins are refused.

const fixture = (name: string) => path.join(repoRoot, "tests", "fixtures", "wxr", name);

/**
 * tests/fixtures/wxr/blog-1.2.xml under a site address and a slug no other test (or earlier run on
 * this database) uses — import keys are per site, as in the integration tests — written where the
 * test keeps its files, for the file input. Its classic post becomes /articles/<slug>.
 */
function blogExport(testInfo: TestInfo) {
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, "");
  const site = `https://oldlaw-${suffix}.example.com`;
  const slug = `the-treaty-${suffix}`;
  const text = fs
    .readFileSync(fixture("blog-1.2.xml"), "utf8")
    .replaceAll("https://oldlaw.example.com", site)
    .replace("<wp:post_name><![CDATA[the-treaty]]></wp:post_name>", `<wp:post_name><![CDATA[${slug}]]></wp:post_name>`);
  expect(text).toContain(slug);
  const file = testInfo.outputPath("old-law-blog.xml");
  fs.writeFileSync(file, text);
  return { site, slug, file };
}

const fileInput = (page: Page) => page.getByLabel("WordPress export (WXR)", { exact: true });
const importButton = (page: Page) => page.getByRole("button", { name: "Import", exact: true });
const result = (page: Page) => page.getByRole("region", { name: /^Imported / });

/** Chooses `file` with the labelled file input, presses Import and returns the upload's response. */
async function upload(page: Page, file: Parameters<Page["setInputFiles"]>[1]) {
  await fileInput(page).setInputFiles(file);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/import/upload"),
    importButton(page).click(),
  ]);
  return response;
}

/** The result's rows as the page shows them (term, then value). */
async function expectCounts(page: Page, values: string[]) {
  await expect(result(page).locator("dt")).toHaveText([
    "Articles",
    "Comments",
    "Skipped posts",
    "Skipped comments",
    "Images",
    "Failed",
  ]);
  await expect(result(page).locator("dd")).toHaveText(values);
}

async function openImportPage(page: Page) {
  await signIn(page, admin.email, admin.password);
  const response = await page.goto("/import");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Import from WordPress" })).toBeVisible();
}

test("an admin uploads an export, sees the counts, and finds the posts with their threaded comments", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const { site, slug, file } = blogExport(testInfo);
  await openImportPage(page);

  const response = await upload(page, file);
  expect(response.status()).toBe(200);
  // blog-1.2.xml: 3 posts (one a draft), 7 comments of theirs worth keeping; a page and an
  // attachment skipped, and a spam comment, a pingback and a trackback.
  await expect(result(page).getByRole("heading", { level: 2, name: `Imported ${site}` })).toBeFocused();
  await expectCounts(page, [
    "3 created, 0 updated, 0 unchanged; 1 of them drafts",
    "7 created, 0 updated, 0 unchanged",
    "pages 1, attachments 1, other 0",
    "spam 1, pingbacks 1, trackbacks 1, other 0",
    // two posts' images: the upload page has no media folder, so each stays a link and is listed
    "0 imported, 2 not imported",
    "0",
  ]);
  await expect(page.getByRole("list", { name: "Images not imported" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Posts that failed" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // A reader (no account) finds the post and its approved comments, threaded as in WordPress:
  // Dan ← Alice ← Carol; Gina's parent was spam, so hers starts a thread; Frank's waits for
  // moderation and Erin's was in the trash.
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("The treaty, classic edition");
  await expect(reader.locator("main")).toContainText("Alice Archer");
  await expect(reader.getByText("What the treaty says", { exact: true })).toBeVisible();
  const comments = commentsRegion(reader);
  await expect(comments.getByRole("heading", { name: "Comments (4)" })).toBeVisible();
  const dan = comments.getByRole("article", { name: "Comment by Dan Reader" });
  await expect(dan).toContainText("Thanks for writing it.");
  const repliesToDan = comments.getByRole("list", { name: "Replies to Dan Reader" });
  await expect(repliesToDan.getByRole("article", { name: "Comment by Alice Archer" })).toContainText("Thank you, Dan.");
  const repliesToAlice = repliesToDan.getByRole("list", { name: "Replies to Alice Archer" });
  await expect(repliesToAlice.getByRole("article", { name: "Comment by Carol Reply" })).toContainText(
    "A reply to a reply",
  );
  await expect(comments.getByRole("article", { name: "Comment by Gina Answer" })).toBeVisible();
  await expect(
    comments.getByRole("list", { name: /^Replies to / }).getByRole("article", { name: "Comment by Gina Answer" }),
  ).toHaveCount(0);
  for (const hidden of ["Frank Waiting", "Erin Trashed", "Cheap Pills", "Some Blog", "Another Blog"]) {
    await expect(comments.getByRole("article", { name: `Comment by ${hidden}` })).toHaveCount(0);
  }
  await expect(comments.locator("script")).toHaveCount(0);

  // The same file again changes nothing.
  expect((await upload(page, file)).status()).toBe(200);
  await expectCounts(page, [
    "0 created, 0 updated, 3 unchanged; 1 of them drafts",
    "0 created, 0 updated, 7 unchanged",
    "pages 1, attachments 1, other 0",
    "spam 1, pingbacks 1, trackbacks 1, other 0",
    "0 imported, 2 not imported",
    "0",
  ]);
  await expect(result(page).getByRole("heading", { level: 2 })).toBeFocused();
  await reader.reload();
  await expect(comments.getByRole("heading", { name: "Comments (4)" })).toBeVisible();
  await expect(comments.getByRole("article", { name: "Comment by Dan Reader" })).toHaveCount(1);
  await reader.context().close();
});

test("a file that is not a WordPress export gets a one-line reason and imports nothing", async ({ page }) => {
  test.setTimeout(60_000);
  await openImportPage(page);
  const cases = [
    {
      file: fixture("malformed.xml"),
      reason: "Import refused: the file is not well-formed XML (line 15: unexpected close tag).",
      wouldBe: "/articles/first-post",
    },
    {
      file: fixture("not-wxr.xml"),
      reason:
        "Import refused: the file is not a WordPress export (WXR 1.1 or 1.2): it does not declare the wp: export namespace.",
      wouldBe: "/articles/a-feed-item",
    },
    {
      file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Just my notes, not an export.\n") },
      reason: "Import refused: the file is not well-formed XML (line 1: non-whitespace before first tag).",
      wouldBe: null,
    },
    {
      file: fixture("xxe.xml"),
      reason: "Import refused: the file declares a DTD or entities, which is not allowed.",
      wouldBe: null,
    },
  ];
  for (const { file, reason, wouldBe } of cases) {
    const response = await upload(page, file);
    expect(response.status(), reason).toBe(400);
    const error = page.getByText(/^Import refused: /);
    await expect(error).toHaveText(reason); // the whole message: one sentence, no stack, no markup
    await expect(fileInput(page)).toBeFocused();
    await expect(fileInput(page)).toHaveAccessibleDescription(reason);
    await expect(fileInput(page)).toHaveAttribute("aria-invalid", "true");
    await expect(result(page)).toHaveCount(0);
    if (wouldBe) expect((await page.request.get(wouldBe)).status(), `${wouldBe} was not imported`).toBe(404);
  }
});

test("an upload after the session ended says why, in one sentence", async ({ page }, testInfo) => {
  await openImportPage(page);
  await page.context().clearCookies();
  const { file } = blogExport(testInfo);
  expect((await upload(page, file)).status()).toBe(401);
  await expect(page.getByText(/^Import refused: /)).toHaveText("Import refused: Sign in first.");
  await expect(fileInput(page)).toBeFocused();
});

test("the import page has no serious or critical accessibility violations", async ({ page }) => {
  await openImportPage(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  // With a refusal shown.
  await upload(page, fixture("not-wxr.xml"));
  await expect(page.getByText(/^Import refused: /)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("anonymous visitors are sent to sign in; the upload answers 401", async ({ page, baseURL }, testInfo) => {
  await page.goto("/import");
  await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)import$/);
  const { slug, file } = blogExport(testInfo);
  const response = await page.request.post("/import/upload", {
    headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/xml" },
    data: fs.readFileSync(file),
  });
  expect(response.status()).toBe(401);
  expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);
});

for (const role of ["commenter", "moderator", "editor"] satisfies Role[]) {
  test(`${role === "editor" ? "an" : "a"} ${role} is refused the import page and its upload`, async ({
    page,
  }, testInfo) => {
    const user = createUser(role, role);
    await signIn(page, user.email, user.password);
    const response = await page.goto("/import");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
    await expect(fileInput(page)).toHaveCount(0);

    const { slug, file } = blogExport(testInfo);
    const refused = await page.request.post("/import/upload", {
      headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/xml" },
      data: fs.readFileSync(file),
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "forbidden", message: "You do not have permission to do that." },
    });
    expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);
  });
}
