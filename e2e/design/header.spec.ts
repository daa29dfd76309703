import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, seedDiscussion } from "../fixtures/discussion";
import { accountLink, createUser, openAccountMenu, signIn, type TestUser } from "../fixtures/users";

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

test("a signed-in reader's phone header stays one row; the menu lists the account's items and Sign out", async ({
  page,
}) => {
  const editor = createUser("menu-editor", "editor");
  await signIn(page, editor.email, editor.password);
  await page.setViewportSize(phone);
  await page.goto("/archive");
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
  const nav = page.getByRole("navigation", { name: "Account" });
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeHidden();
  await menuButton(page).click();
  // One disclosure is enough on a phone: the account menu's items are the Menu's list, no second button.
  await expect(accountLink(page)).toBeHidden();
  await expect(nav).toContainText(`Signed in as ${editor.name}`);
  for (const name of ["Account settings", "My notes", "Groups", "Studio"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Nothing scrolls sideways: the account's items are rows of the panel.
  expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await nav.getByRole("link", { name: "Account settings" }).click();
  await expect(page).toHaveURL(/\/account$/);
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

// The signed-in header at 1024 and 1280 px: the account menu (components/layout/account-area.tsx).
test.describe("the account menu", () => {
  const roles = ["commenter", "moderator", "admin"] as const;
  const users = {} as Record<(typeof roles)[number], TestUser>;
  test.beforeAll(() => {
    for (const role of roles) users[role] = createUser(`acct-menu-${role}`, role);
  });
  const nav = (page: Page) => page.getByRole("navigation", { name: "Account" });
  const panel = (page: Page) => page.locator("#account-menu");
  const itemsOf = (role: (typeof roles)[number]) => [
    "Account settings",
    "My notes",
    "Groups",
    ...(role === "admin" ? ["Studio", "Import"] : []),
    ...(role === "commenter" ? [] : [/^Moderation, \d+ waiting$/]),
  ];

  test("at 1024 and 1280 px the row fits for every role: one row, the whole name, the masthead unshrunk; screenshots at 390, 1024, 1280", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    for (const who of ["anonymous", ...roles] as const) {
      await page.context().clearCookies();
      if (who !== "anonymous") await signIn(page, users[who].email, users[who].password);
      for (const width of [1024, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/archive");
        await expect(menuButton(page)).toBeHidden();
        expect(await headerHeight(page), `${who} ${width}`).toBeLessThanOrEqual(80);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${who} ${width}`).toBeLessThanOrEqual(
          width,
        );
        // Nothing in the row is cut: the publication's name, the Archive link, the search box, the account.
        const title = header(page).getByRole("link").first().locator("span").first();
        expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth), `masthead ${who} ${width}`).toBe(true);
        for (const target of [
          header(page).getByRole("link", { name: "Archive" }),
          page.getByRole("searchbox", { name: "Search" }),
        ])
          await expect(target).toBeVisible();
        if (who === "anonymous") {
          await expect(nav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
        } else {
          const button = accountLink(page, users[who].name);
          await expect(button).toBeVisible();
          await expect(button).toHaveText(new RegExp(`^${users[who].name}`));
          const name = button.locator("span.truncate");
          const fit = await name.evaluate((el) => [el.scrollWidth, el.clientWidth]);
          expect(fit[0] <= fit[1], `name ${who} ${width}: ${fit[0]} px of text in ${fit[1]} px`).toBe(true);
          await expect(nav(page).getByRole("link", { name: /^Notifications/ })).toBeVisible();
          // Sign out stands beside the menu (CONTRACT.md: signed in, a button Sign out); closed, nothing
          // of the menu shows; open, every item of the role.
          await expect(nav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
          await expect(panel(page)).toBeHidden();
          await openAccountMenu(page);
          for (const name of itemsOf(who)) await expect(nav(page).getByRole("link", { name })).toBeVisible();
          if (who !== "admin") await expect(nav(page).getByRole("link", { name: "Import" })).toHaveCount(0);
          if (who === "commenter") await expect(nav(page).getByRole("link", { name: /^Moderation/ })).toHaveCount(0);
          await expect(nav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
          // The panel hangs under the button, inside the window.
          const b = (await button.boundingBox())!;
          const p = (await panel(page).boundingBox())!;
          expect(p.y).toBeGreaterThanOrEqual(b.y + b.height - 1);
          expect(p.x + p.width).toBeLessThanOrEqual(width);
        }
        await page.screenshot({ path: testInfo.outputPath(`header-${who}-${width}.png`) });
      }
      await page.setViewportSize(phone);
      await page.goto("/archive");
      await menuButton(page).click();
      await page.screenshot({ path: testInfo.outputPath(`header-${who}-390.png`) });
    }
  });

  test("keyboard: Tab reaches the button, Enter opens it, Tab walks its items in order, Escape closes it and returns focus; a click outside closes it", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, users.admin.email, users.admin.password);
    await page.goto("/archive");
    const button = accountLink(page, users.admin.name);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveAttribute("aria-controls", "account-menu");
    await tabTo(page, button, 20);
    await page.keyboard.press("Enter");
    await expect(panel(page)).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    for (const name of [...itemsOf("admin"), "Sign out"]) {
      await page.keyboard.press("Tab");
      const target =
        name === "Sign out" ? nav(page).getByRole("button", { name }) : nav(page).getByRole("link", { name });
      await expect(target).toBeFocused();
    }
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Escape");
    await expect(panel(page)).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute("aria-expanded", "false");

    // Space opens it too; Escape on the button itself closes it.
    await page.keyboard.press(" ");
    await expect(panel(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel(page)).toBeHidden();

    // A click anywhere else closes it; the button toggles it.
    await button.click();
    await expect(panel(page)).toBeVisible();
    await page.mouse.click(200, 500);
    await expect(panel(page)).toBeHidden();
    await button.click();
    await button.click();
    await expect(panel(page)).toBeHidden();
  });

  test("without JavaScript the account menu opens, and Sign out beside it works", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email", { exact: true }).fill(users.moderator.email);
    await page.getByLabel("Password", { exact: true }).fill(users.moderator.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    await page.goto("/archive");
    const button = accountLink(page, users.moderator.name);
    await expect(button).toBeVisible();
    await expect(panel(page)).toBeHidden();
    await button.click();
    await expect(nav(page).getByRole("link", { name: /^Moderation, \d+ waiting$/ })).toBeVisible();
    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await expect(nav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await context.close();
  });

  test("on the shared article page the menu comes with the personal layer and works the same", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await signIn(page, users.moderator.email, users.moderator.password);
    const { slug } = seedDiscussion();
    await page.goto(articlePath(slug));
    await openAccountMenu(page);
    await expect(nav(page).getByRole("link", { name: /^Moderation, \d+ waiting$/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel(page)).toBeHidden();
  });

  test("axe: the signed-in header with the account menu open, wide and phone, light and dark", async ({ page }) => {
    await signIn(page, users.admin.email, users.admin.password);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1024, height: 800 });
      await page.goto("/archive");
      await openAccountMenu(page);
      expect(await seriousViolations(page), `wide ${colorScheme}`).toEqual([]);
      await page.setViewportSize(phone);
      await page.goto("/archive");
      await menuButton(page).click();
      expect(await seriousViolations(page), `phone ${colorScheme}`).toEqual([]);
    }
  });
});
