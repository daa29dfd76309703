import path from "node:path";
import { test } from "@playwright/test";
import { selectPhrase } from "../annotations/helpers";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi, seedMarkdown } from "../studio/helpers";

// The Cite box and "Cite this passage" on a phone and a wide screen, taken only when asked:
// GLOSS_SCREENSHOTS=<dir> npm test -- e2e e2e/scholarly/cite-screenshots.spec.ts
const dir = process.env.GLOSS_SCREENSHOTS;
test.skip(!dir, "screenshots only when GLOSS_SCREENSHOTS names a folder");
test.describe.configure({ timeout: 90_000 });

test("cite box and passage citation, phone and wide", async ({ page, browser }) => {
  const editor = createUser("citeshots", "editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/studio");
  const slug = await publishViaApi(page, seedMarkdown(), `Iranian and Albanian conflict ${uniqueSuffix()}`);
  for (const [name, width, height] of [
    ["phone", 390, 844],
    ["wide", 1280, 900],
  ] as const) {
    const reader = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await reader.goto(`/articles/${slug}`);
    await reader.getByText("Cite this article").click();
    await reader.getByRole("button", { name: "Copy Bluebook citation" }).click();
    await reader.locator("details#cite").scrollIntoViewIfNeeded();
    await reader.screenshot({ path: path.join(dir!, `cite-box-${name}.png`) });
    await reader.evaluate(() => scrollTo(0, 0));
    const phrase = (await reader.locator("article .article-body p").nth(1).textContent())!
      .split(/[.,;]/)[0]
      .slice(0, 60);
    await selectPhrase(reader, phrase);
    await reader.getByRole("button", { name: "Cite this passage" }).click();
    await reader.getByRole("region", { name: "Cite this passage" }).scrollIntoViewIfNeeded();
    await reader.screenshot({ path: path.join(dir!, `cite-passage-${name}.png`) });
    const href = (await reader.getByRole("link", { name: "Link to this passage" }).getAttribute("href"))!;
    await reader.goto(href);
    await reader.screenshot({ path: path.join(dir!, `cite-passage-link-${name}.png`) });
    await reader.context().close();
  }
});
