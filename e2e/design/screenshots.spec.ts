import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { commentsRegion, commentWith, postComment, seedDiscussion } from "../fixtures/discussion";
import { repoRoot } from "../fixtures/env";
import { seedArticle } from "../fixtures/seed-article";
import { newUserData, signIn } from "../fixtures/users";

// Screenshots of issue 18's design items (9, 11, 12), wide and phone, light and dark, into
// docs/screenshots/design-*.png. Not a check: runs only with DESIGN_SCREENSHOTS=1.
test.skip(!process.env.DESIGN_SCREENSHOTS, "screenshots only on request (DESIGN_SCREENSHOTS=1)");
test.setTimeout(240_000);

const out = path.join(repoRoot, "docs", "screenshots");
const sizes = [
  { name: "wide", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function shoot(
  page: Page,
  name: string,
  prepare: (page: Page, size: string) => Promise<void>,
  { full = false } = {},
) {
  fs.mkdirSync(out, { recursive: true });
  for (const dark of [false, true])
    for (const size of sizes) {
      await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
      await page.setViewportSize({ width: size.width, height: size.height });
      await prepare(page, size.name);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(200);
      await page.screenshot({
        path: path.join(out, `design-${name}-${size.name}${dark ? "-dark" : ""}.png`),
        fullPage: full,
      });
    }
}

test("the front page, the article, the phone menu", async ({ page }) => {
  await shoot(
    page,
    "home",
    async (p) => {
      await p.goto("/");
    },
    { full: true },
  );
  await shoot(page, "article", async (p) => {
    await p.goto(seedArticle.path);
  });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const dark of [false, true]) {
    await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
    await page.goto(seedArticle.path);
    await page.getByRole("banner").locator("summary").click();
    await page.screenshot({ path: path.join(out, `design-menu-phone${dark ? "-dark" : ""}.png`) });
  }
});

test("the discussion: aligned controls, edit in place with the time left, the preview", async ({ page }) => {
  const me = newUserData("Ada");
  const other = newUserData("Grace");
  const { slug } = seedDiscussion({
    users: [
      { ...me, name: "Ada Okafor" },
      { ...other, name: "Grace Liu" },
    ],
    title: "Countermeasures and the cyber domain",
    comments: [
      {
        author: other.email,
        body: "The proportionality test in *Gabčíkovo-Nagymaros* does a lot of work here — see https://www.icj-cij.org/case/92.",
      },
    ],
  });
  await signIn(page, me.email, me.password);
  await page.goto(`/articles/${slug}`);
  const id = await postComment(
    page,
    "Agreed, though the **attribution** standard matters more than proportionality.",
    "Agreed, though the attribution",
  );
  // Once the personal layer has drawn the reader's own controls.
  const scrollTo = async (p: Page) => {
    await p.goto(`/articles/${slug}`);
    await expect(commentWith(p, "Agreed").getByRole("button", { name: "Edit", exact: true })).toBeVisible();
    await commentsRegion(p).scrollIntoViewIfNeeded();
  };
  await shoot(page, "comments", scrollTo);
  await shoot(page, "comment-edit", async (p) => {
    await scrollTo(p);
    await p.locator(`#comment-${id}`).getByRole("button", { name: "Edit", exact: true }).click();
    await p.locator(`#comment-${id}`).scrollIntoViewIfNeeded();
  });
  await shoot(page, "comment-preview", async (p) => {
    await scrollTo(p);
    await commentsRegion(p)
      .getByLabel("Comment", { exact: true })
      .fill("A *second* thought: the Tallinn Manual (www.ccdcoe.org) is not law.");
    await commentsRegion(p).getByRole("button", { name: "Preview", exact: true }).first().click();
    await expect(commentsRegion(p).getByRole("region", { name: "Preview of your comment" })).toBeVisible();
  });
});
