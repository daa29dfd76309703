import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { seedAnnotations } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { createUser, openAccountMenu, signIn, type TestUser } from "../fixtures/users";

// My notes (/notes) and the Notes tab of /search, in a real browser on the production build.
test.describe.configure({ timeout: 120_000 });

type Seeded = { student: TestUser; other: TestUser; slug: string; ids: string[]; word: string };

function seed(): Seeded {
  const student = createUser("student");
  const other = createUser("classmate");
  const word = `moot${Math.random().toString(36).slice(2, 8).replace(/\d/g, "x")}`;
  const { slug, ids } = seedAnnotations({
    notes: [
      { author: student.email, exact: "the freedom of the seas", note: `Grotius, ${word} point one.`, tags: ["sea"] },
      {
        author: student.email,
        exact: "the attribution problem",
        note: `Private: ask in seminar about ${word}.`,
        audience: "private",
        tags: ["exam"],
      },
      { author: other.email, exact: "state responsibility", note: `Classmate's public ${word} note.` },
      { author: other.email, exact: "coastal states", note: `Classmate's secret ${word}.`, audience: "private" },
      { author: student.email, note: `My reply about ${word}.`, parent: 2 },
    ],
  });
  return { student, other, slug, ids, word };
}

const myNotes = (page: Page) => page.getByRole("list", { name: "My notes" });

test("a student exports their notes as Markdown", async ({ page }) => {
  const { student, slug, word } = seed();
  await signIn(page, student.email, student.password);
  await page.goto("/notes");
  await expect(page.getByRole("heading", { level: 1, name: "My notes" })).toBeVisible();
  await expect(myNotes(page).getByRole("listitem")).toHaveCount(3);
  await expect(myNotes(page)).not.toContainText("Classmate's");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Markdown", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^my-notes-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = fs.readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain(`# Notes by ${student.name}`);
  expect(markdown).toContain("## An annotated article");
  expect(markdown).toContain(`> the freedom of the seas\n\nGrotius, ${word} point one.`);
  expect(markdown).toContain(`> the attribution problem\n\nPrivate: ask in seminar about ${word}.`);
  expect(markdown).toContain(`/articles/${slug}?note=`);
  expect(markdown).not.toContain("Classmate's secret");
});

test("/notes filters by keyboard, links to the passage, and is axe clean", async ({ page }) => {
  const { student, slug, ids, word } = seed();
  await signIn(page, student.email, student.password);
  await page.goto("/notes");
  await expect(myNotes(page).getByRole("listitem")).toHaveCount(3);
  // Search field → article → tag → visibility → Show notes, with the keyboard only.
  await page.getByLabel("Search my notes").focus();
  await page.keyboard.type(word);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Article", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Tag", { exact: true })).toBeFocused();
  await page.keyboard.type("exam");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Visibility", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show notes" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/tag=exam/);
  await expect(myNotes(page).getByRole("listitem")).toHaveCount(1);
  await expect(myNotes(page)).toContainText("Private: ask in seminar");
  await expect(myNotes(page)).toContainText("Only me");
  expect(await seriousViolations(page)).toEqual([]);

  // Visibility by keyboard: the select takes arrow keys; the form submits with Enter on the button.
  await page.goto("/notes");
  await page.getByLabel("Visibility", { exact: true }).focus();
  await page.getByLabel("Visibility", { exact: true }).selectOption("public");
  await page.getByRole("button", { name: "Show notes" }).press("Enter");
  await page.waitForURL(/visibility=public/);
  await expect(myNotes(page).getByRole("listitem")).toHaveCount(2);
  await expect(myNotes(page)).not.toContainText("Private:");

  // Each note links to its passage (a reply: its thread's), the note open.
  const link = myNotes(page)
    .getByRole("link", { name: /^Show in text/ })
    .last();
  await expect(link).toHaveAttribute("href", `/articles/${slug}?note=${ids[0]}#passage-${ids[0]}`);

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/notes");
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});

test("anonymous readers are sent to sign in; the Notes tab shows only what each may see", async ({ page }) => {
  const { student, word } = seed();
  await page.goto("/notes");
  await expect(page).toHaveURL(/\/signin/);

  await page.goto(`/search?q=${word}`);
  await page.getByRole("navigation", { name: "Search in" }).getByRole("link", { name: "Notes" }).click();
  await page.waitForURL(/in=notes/);
  const results = page.getByRole("list", { name: "Matching notes" });
  await expect(results.getByRole("listitem")).toHaveCount(3);
  await expect(results).not.toContainText("secret");
  await expect(results).not.toContainText("Private:");
  await expect(results.locator("mark").first()).toHaveText(word);
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, student.email, student.password);
  await page.goto(`/search?q=${word}&in=notes`);
  await expect(results.getByRole("listitem")).toHaveCount(4);
  await expect(results).toContainText("Private: ask in seminar");
  await expect(results).not.toContainText("Classmate's secret");
});

test("the header's account menu holds My notes and Groups for every role, at 1024 and 1280 px; never overflowing", async ({
  page,
}, testInfo) => {
  const admin = createUser("notes-admin", "admin");
  const reader = createUser("notes-reader");
  const nav = () => page.getByRole("navigation", { name: "Account" });
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  for (const [who, user] of [
    ["admin", admin],
    ["reader", reader],
  ] as const) {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1024, height: 700 });
    await signIn(page, user.email, user.password);
    for (const w of [1024, 1280]) {
      await page.setViewportSize({ width: w, height: 700 });
      await page.goto("/account");
      // Closed, the menu takes no room in the row (with Studio, Import, Moderation, the bell, the
      // name and Sign out in one row, a board member's reached 1,025 px and cut the name).
      await expect(nav().getByRole("link", { name: "My notes" })).toBeHidden();
      await openAccountMenu(page);
      await expect(nav().getByRole("link", { name: "Groups" })).toBeVisible();
      expect(await width()).toBeLessThanOrEqual(w);
      await page.screenshot({ path: testInfo.outputPath(`header-${who}-${w}.png`) });
    }
    // A link followed from the menu closes it (the header stays across a client navigation).
    await nav().getByRole("link", { name: "My notes" }).click();
    await page.waitForURL(/\/notes$/);
    await expect(page.getByRole("heading", { level: 1, name: "My notes" })).toBeVisible();
    await expect(page.locator("#account-menu")).toBeHidden();
  }
});

test("screenshots of /notes and the Notes tab, phone and wide", async ({ page }, testInfo) => {
  const { student, word } = seed();
  await signIn(page, student.email, student.password);
  for (const [name, width] of [
    ["phone", 390],
    ["wide", 1280],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/notes");
    await expect(myNotes(page).getByRole("listitem")).toHaveCount(3);
    await page.screenshot({ path: testInfo.outputPath(`notes-${name}.png`), fullPage: true });
    await page.goto(`/search?q=${word}&in=notes`);
    await page.screenshot({ path: testInfo.outputPath(`search-notes-${name}.png`), fullPage: true });
  }
});
