import { expect, type Page } from "@playwright/test";
import type { SeedRequest, SeedResult } from "../../tests/seed/annotated-article";
import { runSeed } from "../fixtures/run-seed";

export type { SeedNote, SeedRequest, SeedResult } from "../../tests/seed/annotated-article";

/** Runs tests/seed/bin/annotated-article.ts on the test database: a fresh article and its notes. */
export function seedAnnotations(request: SeedRequest = {}): SeedResult {
  return runSeed<SeedResult>("annotated-article", request);
}

export const articlePath = (slug: string) => `/articles/${slug}`;

/** The margin column beside the article (wide screens). */
export const margin = (page: Page) => page.getByRole("complementary", { name: "Margin notes" });

/** The list of notes after the article (without JavaScript, and on narrow screens). */
export const notesList = (page: Page) => page.getByRole("region", { name: /^Notes on this article/ });

/** Waits until the client has read the article text and painted the notes. */
export async function waitForAnchoring(page: Page) {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName("gloss-read-text").length))
    .toBeGreaterThan(0);
}

/** Selects the one occurrence of `phrase` in the article body, as a mouse drag would. */
export async function selectPhrase(page: Page, phrase: string) {
  await waitForAnchoring(page);
  await page.evaluate((phrase) => {
    const body = document.querySelector("article .article-body")!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(phrase);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      body.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${phrase}" is not in one text node of the article`);
  }, phrase);
}

/** Selects `phrase`, writes a note on it through the editor and returns the new note's id. */
export async function annotate(
  page: Page,
  phrase: string,
  note: string,
  { audience = "public" as "public" | "private", tags = "" } = {},
) {
  await selectPhrase(page, phrase);
  await page.getByRole("button", { name: "Annotate", exact: true }).click();
  await page.getByLabel("Annotation", { exact: true }).fill(note);
  if (tags) await page.getByLabel(/^Tags/).fill(tags);
  await page.getByLabel(audience === "public" ? "Public — everyone can read it" : "Private — only you").check();
  await page.getByRole("button", { name: "Save annotation", exact: true }).click();
  const card = page.locator("article[id^='annotation-']").filter({ hasText: note.replace(/[*_`]/g, "") });
  await expect(card).toBeFocused();
  return (await card.getAttribute("id"))!.slice("annotation-".length);
}

/** The viewport rectangle of the first line of `phrase` in the article body. */
export function passageTop(page: Page, phrase: string) {
  return page.evaluate((phrase) => {
    const body = document.querySelector("article .article-body")!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(phrase);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      return range.getClientRects()[0].top;
    }
    throw new Error(`"${phrase}" not found`);
  }, phrase);
}

/** The text under a named CSS highlight (e.g. "gloss-active"), or null when it is not set. */
export function highlightedText(page: Page, name: string) {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return null;
    return [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}
