import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn } from "../fixtures/users";
import { articlePath, highlightedText, margin, notesList, seedAnnotations, waitForAnchoring } from "./helpers";

// Where the conversation is (the density bar beside the scroll bar, "N readers noted this"), page
// notes, and a shared note's preview. Accounts are made with the CLI: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

const bar = (page: Page) => page.getByRole("navigation", { name: "Where the notes are" });

/** Three readers on the first passage, one on the last, a private note, a page note. */
function seedConversation() {
  const ann = createUser("conv-ann", "moderator");
  const bob = createUser("conv-bob", "moderator");
  const cy = createUser("conv-cy", "moderator");
  const seeded = seedAnnotations({
    notes: [
      { author: ann.email, exact: "the freedom of the seas", note: "Ann on the seas." },
      { author: bob.email, exact: "freedom of the seas and the law", note: "Bob on the seas." },
      { author: cy.email, exact: "the seas", note: "Cy on the seas." },
      { author: ann.email, exact: "state responsibility under international law", note: "Ann at the end." },
      { author: bob.email, exact: "the attribution problem", note: "Bob's own.", audience: "private" },
      { author: cy.email, note: "Cy on the whole article.", page: true },
    ],
  });
  return { ...seeded, ann, bob, cy };
}

/** Scrolls to the page's end, so a jump has somewhere to go. */
const scrollToEnd = (page: Page) => page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));

test("the density bar marks where public notes are and jumps to a passage, by mouse and by keyboard", async ({
  page,
}) => {
  const { slug, ids, text } = seedConversation();
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);

  // Public, placed notes only: the private note and the page note are not on the bar.
  const marks = bar(page).getByRole("link");
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0)).toHaveAccessibleName("3 notes at the freedom of the…");
  await expect(marks.nth(1)).toHaveAccessibleName("1 note at state responsibility…");
  const tops = await marks.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
  expect(tops[0]).toBeLessThan(tops[1]);

  // Three readers noted the first passage: its paragraph says so, and the text stays the article's.
  const label = page.locator("article .article-body [data-readers]");
  await expect(label).toHaveCount(1);
  expect(await label.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"3 readers noted this"');
  expect(await label.evaluate((el) => el.parentElement!.textContent)).toContain("freedom of the seas");
  expect(
    await page.evaluate(() => (performance.getEntriesByName("gloss-read-text")[0] as PerformanceMeasure).detail.length),
  ).toBe(text.length);

  // Mouse: the last passage's mark scrolls to it, lights it and opens its note.
  await scrollToEnd(page);
  await marks.nth(1).click();
  const last = margin(page).locator(`#annotation-${ids[3]}`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect
    .poll(() => highlightedText(page, "gloss-active"))
    .toEqual(["state responsibility under international law"]);
  // The same mark again, after scrolling away: it jumps again.
  await scrollToEnd(page);
  await expect(last).not.toBeInViewport();
  await marks.nth(1).click();
  await expect(last).toBeInViewport();

  // Keyboard: the marks are links in the tab order; Enter on the first opens its first note.
  await scrollToEnd(page);
  await marks.nth(0).focus();
  await page.keyboard.press("Enter");
  const first = margin(page).locator(`#annotation-${ids[0]}`);
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await expect.poll(() => highlightedText(page, "gloss-active")).toEqual(["the freedom of the seas"]);
});

test("a public note that arrives live is added to the bar without a reload", async ({ page, browser, baseURL }) => {
  const { slug, bob } = seedConversation();
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "open");
  await expect(bar(page).getByRole("link")).toHaveCount(2);

  // Bob, elsewhere, notes the third paragraph through the container.
  const other = await browser.newContext();
  try {
    await signIn(await other.newPage(), bob.email, bob.password);
    const posted = await other.request.post(`/api/annotations/${slug}/`, {
      headers: { "Content-Type": "application/ld+json", Origin: new URL(baseURL!).origin },
      data: JSON.stringify({
        type: "Annotation",
        body: { type: "TextualBody", value: "Bob, live." },
        target: { selector: { type: "TextQuoteSelector", exact: "the attribution problem" } },
      }),
    });
    expect(posted.status(), await posted.text()).toBe(201);
  } finally {
    await other.close();
  }
  await expect(bar(page).getByRole("link")).toHaveCount(3);
  await expect(bar(page).getByRole("link").nth(1)).toHaveAccessibleName("1 note at the attribution…");
});

test("on a phone the bar stays out of the way: the notes list does its job", async ({ page }) => {
  const { slug } = seedConversation();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  await expect(bar(page)).toBeHidden();
  await expect(page.locator("article .article-body [data-readers]")).toBeVisible();
});

test("a page note: written from the margin, listed first, kept by the container without a selector", async ({
  page,
}, testInfo) => {
  const { slug, ann } = seedConversation();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ann.email, ann.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const pageNotes = margin(page).getByRole("region", { name: /^On the whole article/ });
  await expect(pageNotes.getByRole("article")).toHaveCount(1); // Cy's, seeded

  await pageNotes.getByRole("button", { name: "Note on this page" }).click();
  await expect(page.getByRole("heading", { name: "New note on this page" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("page-note-form-wide.png") });
  // Escape cancels and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(pageNotes.getByRole("button", { name: "Note on this page" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByLabel("Annotation", { exact: true }).fill("A note on the *whole* article.");
  await page.getByRole("button", { name: "Save annotation", exact: true }).click();
  const card = pageNotes.locator("article[id^='annotation-']").filter({ hasText: "A note on the whole article." });
  await expect(card).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Note on this page saved." })).toBeAttached();
  const id = (await card.getAttribute("id"))!.slice("annotation-".length);

  // Above every note on a passage, and no "Show in text": it has no passage.
  const firstPassageNote = margin(page).locator("[data-passage] article").first();
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual((await firstPassageNote.boundingBox())!.y);
  await expect(card.getByRole("button", { name: "Show in text" })).toHaveCount(0);

  const json = await (
    await page.request.get(`/api/annotations/${slug}/${id}`, { headers: { Accept: "application/ld+json" } })
  ).json();
  expect(json.target).toEqual({ source: expect.stringMatching(new RegExp(`/articles/${slug}$`)) });
  expect(json.state).toBe("anchored");

  // After a reload (the shared page, refreshed by the new note): still first, beside the passages' notes.
  await page.reload();
  await waitForAnchoring(page);
  await expect(pageNotes.locator(`#annotation-${id}`)).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);

  // On a phone: the list after the article has the page notes first, and the button.
  await page.setViewportSize({ width: 390, height: 844 });
  const listed = notesList(page).getByRole("region", { name: /^On the whole article/ });
  await expect(listed.locator(`#annotation-${id}`)).toBeVisible();
  await listed.getByRole("button", { name: "Note on this page" }).click();
  await expect(page.getByRole("heading", { name: "New note on this page" })).toBeVisible();
  await listed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("page-note-form-phone.png") });
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the notes list shows page notes first, and the bar links to the notes", async ({ page }) => {
    const { slug, ids } = seedConversation();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(articlePath(slug));
    const pageNotes = notesList(page).getByRole("region", { name: /^On the whole article/ });
    await expect(pageNotes.locator(`#annotation-${ids[5]}`)).toContainText("Cy on the whole article.");
    const allCards = notesList(page).locator("article[id^='annotation-']");
    await expect(allCards.first()).toHaveAttribute("id", `annotation-${ids[5]}`);
    await expect(bar(page).getByRole("link").first()).toHaveAttribute("href", `#annotation-${ids[0]}`);
  });
});

test("a shared public note's page previews the passage and the note; a private one previews the article", async ({
  page,
}) => {
  const { slug, ids } = seedConversation();
  const og = async (query: string) => {
    await page.goto(`${articlePath(slug)}${query}`);
    return page.locator('meta[property="og:title"]').getAttribute("content");
  };
  expect(await og(`?note=${ids[0]}`)).toBe("“the freedom of the seas” — a note on An annotated article");
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /: Ann on the seas\.$/);
  expect(await og(`?note=${ids[5]}`)).toBe("A note on An annotated article");
  expect(await og(`?note=${ids[4]}`)).toBe("An annotated article");
  expect(await og("?note=no-such-note")).toBe("An annotated article");
  expect(await og("")).toBe("An annotated article");
});

test("axe: the article with its bar, labels and page notes (light and dark), and screenshots", async ({
  page,
}, testInfo) => {
  const { slug } = seedConversation();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await bar(page).getByRole("link").first().hover();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`conversation-wide-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("conversation-phone.png") });
  await notesList(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("conversation-phone-list.png") });
});
