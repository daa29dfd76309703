import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { accountLink, createUser, signIn } from "../fixtures/users";

// Issue 18, item 11: the phone header is one row — the publication's name and a Menu button (a
// <details> disclosure, so it works with the keyboard, screen readers and without JavaScript).
test.describe.configure({ timeout: 60_000 });

const phone = { width: 390, height: 844 };
const header = (page: Page) => page.getByRole("banner");
const menuButton = (page: Page) => header(page).locator("summary");

async function headerHeight(page: Page) {
  return (await header(page).boundingBox())!.height;
}

/** Tabs from the top of the page until `target` has the focus (at most `max` presses). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 12) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("never reached by Tab");
}

test("a phone's header is one row of at most 64 px with the menu closed; the menu opens from the keyboard", async ({
  page,
}) => {
  await page.setViewportSize(phone);
  await page.goto("/");
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeHidden();
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeHidden();

  const menu = menuButton(page);
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAccessibleName("Menu");
  const box = (await menu.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);

  await tabTo(page, menu);
  await page.keyboard.press("Enter");
  await expect(page.locator("details.site-menu")).toHaveAttribute("open", "");
  // Everything the wide header holds is reachable, in order, by Tab.
  for (const target of [
    header(page).getByRole("link", { name: "Archive" }),
    page.getByRole("searchbox", { name: "Search" }),
    header(page).getByRole("button", { name: "Search" }),
    header(page).getByRole("link", { name: "Sign in" }),
    header(page).getByRole("link", { name: "Create account" }),
  ]) {
    await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
    const b = (await target.boundingBox())!;
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
  // Closing it again from the keyboard.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeHidden();
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
});

test("a signed-in reader's phone header stays one row; the menu holds the account and Sign out", async ({ page }) => {
  const editor = createUser("menu-editor", "editor");
  await signIn(page, editor.email, editor.password);
  await page.setViewportSize(phone);
  await page.goto("/archive");
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
  await expect(accountLink(page)).toBeHidden();
  await menuButton(page).click();
  await expect(accountLink(page)).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Studio" })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  // Nothing scrolls sideways any more: the account links wrap into the panel.
  const nav = page.getByRole("navigation", { name: "Account" });
  expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
});

test("without JavaScript the menu still opens", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await page.goto("/");
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
  await menuButton(page).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
  await context.close();
});

test("a wide screen shows the whole header in one row, with no Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(menuButton(page)).toBeHidden();
  for (const target of [
    header(page).getByRole("link", { name: "Archive" }),
    page.getByRole("searchbox", { name: "Search" }),
    header(page).getByRole("link", { name: "Sign in" }),
  ])
    await expect(target).toBeVisible();
  expect(await headerHeight(page)).toBeLessThanOrEqual(80);
});

test("axe: the header and front page, phone with the menu open and wide, light and dark", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(phone);
    await page.goto("/");
    await menuButton(page).click();
    expect(await seriousViolations(page), `phone ${colorScheme}`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    expect(await seriousViolations(page), `wide ${colorScheme}`).toEqual([]);
  }
});
