// Takes a Chromium screenshot of a page: node scripts/tools/screenshot.mjs URL OUT.png [width] [height]
// (EMAIL/PASSWORD sign in first; DARK=1 dark scheme; FULL=1 full page; SCROLL=selector).
import { chromium } from "@playwright/test";

const [, , url, out, w = "1280", h = "900"] = process.argv;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
});
const ctx = await browser.newContext({
  viewport: { width: +w, height: +h },
  colorScheme: process.env.DARK ? "dark" : "light",
});
const page = await ctx.newPage();
const errors = [];
page.on("console", (m) => {
  if (m.type() === "error") errors.push(m.text());
});
if (process.env.EMAIL) {
  await page.goto(new URL("/signin", url).href);
  await page.getByLabel("Email").fill(process.env.EMAIL);
  await page.getByLabel("Password").fill(process.env.PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}
await page.goto(url, { waitUntil: "networkidle" });
if (process.env.SCROLL) await page.locator(process.env.SCROLL).scrollIntoViewIfNeeded();
await page.screenshot({ path: out, fullPage: !!process.env.FULL });
console.log("console errors:", errors);
await browser.close();
