import { expect, type Locator, test } from "@playwright/test";
import { articlePath, seedDiscussion } from "../fixtures/discussion";
import { admin } from "../fixtures/env";
import { newUserData, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi } from "../studio/helpers";

// Issue 18, item 4: the typography plugin wrapped every blockquote in “…”, so a quotation that
// already has its marks showed them twice (“"Countermeasures…"”). A quote is shown as written.
const generated = (p: Locator, pseudo: "::before" | "::after") =>
  p.evaluate((el, which) => getComputedStyle(el, which).content, pseudo);

async function expectQuotedAsWritten(quote: Locator) {
  const p = quote.locator("p").first();
  await expect(p).toHaveText('"Countermeasures must be proportionate."');
  // Polled: the page's scripts start after its first paint (scripts/lib/paint-first.mjs), so a
  // comment list may wake while this runs — React replaces its server markup, and a paragraph
  // just detached has no computed `content` at all ("") for a moment.
  await expect.poll(() => generated(p, "::before")).toMatch(/^(none|normal)$/);
  await expect.poll(() => generated(p, "::after")).toMatch(/^(none|normal)$/);
}

test("an article's blockquote adds no quotation marks of its own", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const slug = await publishViaApi(
    page,
    `Before the quote.\n\n> "Countermeasures must be proportionate."\n\nAfter the quote.`,
    `Quoted ${uniqueSuffix()}`,
  );
  await page.goto(articlePath(slug));
  await expectQuotedAsWritten(page.locator(".article-body blockquote"));
});

test("a comment's blockquote adds no quotation marks of its own", async ({ page }) => {
  const reader = newUserData("quoter");
  const { slug } = seedDiscussion({
    users: [reader],
    comments: [{ author: reader.email, body: '> "Countermeasures must be proportionate."\n\nI agree.' }],
  });
  await page.goto(articlePath(slug));
  await expectQuotedAsWritten(page.locator("article[id^='comment-'] blockquote"));
});
