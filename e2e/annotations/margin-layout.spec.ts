import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import {
  articlePath,
  highlightedText,
  margin,
  passageTop,
  seedAnnotations,
  selectPhrase,
  waitForAnchoring,
} from "./helpers";

// Issue 18, items 7 and 8: composing in the margin level with the passage (wide screens; the
// phone keeps its panel under the selection), cards level with their passages, passage and card
// lit together, a busy passage quoting once, and a group glyph that tells open from closed.
// (Screenshots of the same states: margin-screenshots.spec.ts.)
test.describe.configure({ timeout: 90_000 });

const top = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.y;

test.describe("wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("an empty margin says how to add a note; the composer opens in the margin, level with the passage", async ({
    page,
  }) => {
    const user = createUser("composer");
    const { slug } = seedAnnotations();
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await expect(margin(page)).toContainText("Select a passage to add a note");

    const phrase = "the attribution problem";
    await selectPhrase(page, phrase);
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    const textarea = margin(page).getByLabel("Annotation", { exact: true });
    await expect(textarea).toBeFocused();
    const form = margin(page).getByRole("form", { name: "New note" });
    await expect(form).toBeVisible();
    // Level with the passage, and beside the text column rather than over it.
    await expect
      .poll(async () => Math.abs((await form.boundingBox())!.y - (await passageTop(page, phrase))))
      .toBeLessThan(6);
    const body = (await page.locator("article .article-body").boundingBox())!;
    expect((await form.boundingBox())!.x).toBeGreaterThanOrEqual(body.x + body.width);
    await expect(margin(page)).not.toContainText("Select a passage to add a note");
    await textarea.fill(`Composed beside the text ${uniqueSuffix()}`);
    expect(await seriousViolations(page)).toEqual([]);

    await margin(page).getByRole("button", { name: "Save annotation", exact: true }).click();
    const card = margin(page).locator("article[id^='annotation-']");
    await expect(card).toBeFocused();
    await expect(form).toHaveCount(0);
    await expect
      .poll(async () => Math.abs((await card.boundingBox())!.y - (await passageTop(page, phrase))))
      .toBeLessThan(4);
  });

  test("Escape closes the margin composer and gives the text back its focus", async ({ page }) => {
    const user = createUser("composer-esc");
    const { slug } = seedAnnotations();
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    await selectPhrase(page, "state responsibility");
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    await expect(margin(page).getByLabel("Annotation", { exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(margin(page).getByRole("form", { name: "New note" })).toHaveCount(0);
    await expect(page.locator("article .article-body")).toBeFocused();
  });

  test("cards sit level with their passages; passage and card light up together; a busy passage quotes once", async ({
    page,
  }) => {
    const author = createUser("aligned", "moderator");
    const reader = createUser("hoverer");
    const single = "tidal obligations of coastal states";
    const busy = "the attribution problem";
    const { slug, ids } = seedAnnotations({
      notes: [
        { author: author.email, exact: single, note: "A single note, level with its passage." },
        ...Array.from({ length: 3 }, (_, i) => ({ author: author.email, exact: busy, note: `Busy note ${i + 1}.` })),
      ],
    });
    await signIn(page, reader.email, reader.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);

    // The card itself (not a label above it) starts at its passage's first line.
    const card = margin(page).locator(`#annotation-${ids[0]}`);
    await expect
      .poll(async () => Math.abs((await top(page, `#annotation-${ids[0]}`)) - (await passageTop(page, single))))
      .toBeLessThan(4);
    // The busy passage's group starts at its passage too, and quotes it once, not on every card.
    const group = margin(page).getByRole("region", { name: "3 notes on this passage" });
    await expect(group.getByRole("article")).toHaveCount(3);
    await expect(group.getByRole("blockquote")).toHaveCount(1);
    await expect(group.getByRole("blockquote")).toHaveText(busy);
    await expect
      .poll(async () => Math.abs((await group.boundingBox())!.y - (await passageTop(page, busy))))
      .toBeLessThan(4);
    // Every note of the group is shown: its glyph says open.
    await expect(group.locator("[data-group-glyph]")).toHaveText("▾");

    // Pointing at the passage in the text lights its card, and the card lights the passage.
    const rect = await page.evaluate((phrase) => {
      const body = document.querySelector("article .article-body")!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(phrase);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 6);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    }, single);
    await page.mouse.move(rect!.x - 5, rect!.y);
    await page.mouse.move(rect!.x, rect!.y);
    await expect(card).toHaveAttribute("data-lit", "true");
    await expect.poll(() => highlightedText(page, "gloss-active")).toEqual([single]);
    // A connector runs from the passage to its card through the gutter.
    const connector = page.locator("[data-connector]");
    await expect(connector).toBeVisible();

    await page.mouse.move(5, 5);
    await expect(card).not.toHaveAttribute("data-lit", "true");
    const busyCard = margin(page).locator(`#annotation-${ids[2]}`);
    await busyCard.hover();
    await expect(busyCard).toHaveAttribute("data-lit", "true");
    await expect.poll(() => highlightedText(page, "gloss-active")).toEqual([busy]);
    await expect(connector).toBeVisible();

    // Focus does the same from the keyboard.
    await card.focus();
    await expect(card).toHaveAttribute("data-lit", "true");
    await expect.poll(() => highlightedText(page, "gloss-active")).toEqual([single]);
  });

  test("a collapsed group's glyph says collapsed, and open once it is opened", async ({ page }) => {
    const author = createUser("glyph", "moderator");
    const busy = "the freedom of the seas";
    const { slug } = seedAnnotations({
      notes: Array.from({ length: 5 }, (_, i) => ({ author: author.email, exact: busy, note: `Glyph note ${i + 1}.` })),
    });
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    const group = margin(page).getByRole("region", { name: "5 notes on this passage" });
    await expect(group.locator("[data-group-glyph]")).toHaveText("▸");
    await group.getByRole("button", { name: "Show 2 more on this passage" }).click();
    await expect(group.getByRole("article")).toHaveCount(5);
    await expect(group.locator("[data-group-glyph]")).toHaveText("▾");
    await expect(group.getByRole("blockquote")).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("a listed note's passage page (?note=) marks the passage, opens the note and is axe clean", async ({ page }) => {
  const author = createUser("note-page", "moderator");
  const passage = "the law of the sea";
  const {
    slug,
    ids: [id],
  } = seedAnnotations({ notes: [{ author: author.email, exact: passage, note: "Which law?" }] });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${articlePath(slug)}?note=${id}#passage-${id}`);
  await waitForAnchoring(page);
  await expect(page.locator(`article .article-body mark#passage-${id}`)).toHaveText(passage);
  // With JavaScript the margin follows it like a permalink: the note is focused beside it.
  await expect(margin(page).locator(`#annotation-${id}`)).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("on a phone the composer stays a panel under the selection, and the text stays readable", async ({ page }) => {
    const user = createUser("phone-composer");
    const author = createUser("phone-author", "moderator");
    const { slug } = seedAnnotations({
      notes: [{ author: author.email, exact: "the law of the sea", note: "A note for the phone list." }],
    });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await expect(margin(page)).toBeHidden();
    const phrase = "state responsibility";
    await selectPhrase(page, phrase);
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    const textarea = page.getByLabel("Annotation", { exact: true });
    await expect(textarea).toBeFocused();
    const form = page.getByRole("form", { name: "New note" });
    // Under the passage, within the screen's width.
    const box = (await form.boundingBox())!;
    expect(box.y).toBeGreaterThan(await passageTop(page, phrase));
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await textarea.fill("On a phone.");
  });
});
