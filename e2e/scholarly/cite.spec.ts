import { expect, type Page, test } from "@playwright/test";
import { selectPhrase } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi } from "../studio/helpers";

test.describe.configure({ timeout: 90_000 });

const body = [
  "Due diligence was set by the Corfu Channel case, and every later award returned to it.",
  "The second paragraph says that knowledge, actual or constructive, is the threshold for states.",
  "A closing paragraph that no one will cite.",
].join("\n\n");

async function publishedArticle(page: Page) {
  const editor = createUser("citer", "editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/studio");
  return publishViaApi(page, body, `Citable ${uniqueSuffix()}`);
}

test("the Cite box gives OSCOLA, Bluebook and APA, each copied by keyboard with a Copied status", async ({
  page,
  context,
}) => {
  const slug = await publishedArticle(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/articles/${slug}`);
  const summary = page.getByText("Cite this article");
  await summary.focus();
  await page.keyboard.press("Enter");
  const box = page.locator("details#cite");
  await expect(box).toHaveAttribute("open", "");
  for (const [key, label] of [
    ["oscola", "OSCOLA"],
    ["bluebook", "Bluebook"],
    ["apa", "APA"],
  ] as const) {
    const text = (await box.locator(`[data-citation="${key}"]`).textContent())!;
    expect(text).toContain(`/articles/${slug}`);
    const copy = box.getByRole("button", { name: `Copy ${label} citation` });
    await copy.focus();
    await page.keyboard.press("Enter");
    await expect(copy.locator("xpath=..").getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  }
  await expect(box.locator('[data-citation="bluebook"] i')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});

test("Cite this passage gives a link that opens the article with that passage marked, even after an edit", async ({
  page,
  context,
  browser,
}) => {
  const slug = await publishedArticle(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/articles/${slug}`);
  await selectPhrase(page, "knowledge, actual or constructive, is the threshold");
  await page.getByRole("button", { name: "Cite this passage" }).click();
  const panel = page.getByRole("region", { name: "Cite this passage" });
  await expect(panel).toBeFocused();
  await expect(panel.getByRole("blockquote")).toHaveText("knowledge, actual or constructive, is the threshold");
  await expect(panel.locator("[data-passage-citation]")).toContainText(`/articles/${slug}`);
  const href = (await panel.getByRole("link", { name: "Link to this passage" }).getAttribute("href"))!;
  expect(href).toMatch(/\?passage=knowledge%2C\+actual.*&prefix=.*&suffix=.*#passage-cited$/);
  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  // A reader with the link, on a phone, lands on the passage, marked.
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 700 } })).newPage();
  await reader.goto(href);
  const mark = reader.locator("mark#passage-cited");
  await expect(mark).toHaveText("knowledge, actual or constructive, is the threshold");
  await expect(mark).toBeInViewport();

  // The author edits the sentence; the link still finds the passage as it now reads.
  const edited = body.replace("actual or constructive", "actual or presumed");
  const patch = await page.request.patch(`/api/articles/${slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { body: edited },
  });
  expect(patch.status(), await patch.text()).toBe(200);
  await reader.goto("about:blank"); // the same URL again would be a same-page jump to its #fragment
  await reader.goto(href);
  await expect(reader.locator("mark#passage-cited")).toHaveText("knowledge, actual or presumed, is the threshold");

  // Removed: the page says so instead of marking something else.
  const cut = await page.request.patch(`/api/articles/${slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      body: edited
        .split("\n\n")
        .filter((p) => !p.startsWith("The second"))
        .join("\n\n"),
    },
  });
  expect(cut.status(), await cut.text()).toBe(200);
  await reader.goto("about:blank");
  await reader.goto(href);
  await expect(
    reader.getByRole("status").filter({ hasText: "That passage is no longer in the article." }),
  ).toBeVisible();
  await expect(reader.locator("mark#passage-cited")).toHaveCount(0);
});

test("a passage link over two paragraphs opens with both parts marked, the first scrolled to", async ({
  page,
  browser,
}, testInfo) => {
  const slug = await publishedArticle(page);
  const query = new URLSearchParams({
    passage: "every later award returned to it.\nThe second paragraph says",
    prefix: "by the Corfu Channel case, and ",
    suffix: " that knowledge, actual or",
  });
  for (const viewport of [
    { width: 390, height: 700 },
    { width: 1280, height: 900 },
  ]) {
    const reader = await (await browser.newContext({ viewport })).newPage();
    await reader.goto(`/articles/${slug}?${query.toString()}#passage-cited`);
    const marks = reader.locator("mark.gloss-passage");
    await expect(marks).toHaveText(["every later award returned to it.", "The second paragraph says"]);
    await expect(reader.locator("#passage-cited")).toHaveCount(1);
    await expect(marks.first()).toHaveAttribute("id", "passage-cited");
    await expect(marks.first()).toBeInViewport();
    // Each part sits inside its own paragraph: no mark crosses a block boundary.
    for (const paragraph of ["Due diligence was set", "The second paragraph"])
      await expect(reader.locator("p", { hasText: paragraph }).locator("mark.gloss-passage")).toHaveCount(1);
    await expect(reader.getByRole("status").filter({ hasText: "no longer in the article" })).toHaveCount(0);
    expect(await seriousViolations(reader)).toEqual([]);
    await reader.screenshot({ path: testInfo.outputPath(`two-paragraph-passage-${viewport.width}.png`) });
    await reader.context().close();
  }
});
