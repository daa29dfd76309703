import { expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import {
  annotate,
  articlePath,
  highlightedText,
  margin,
  passageTop,
  seedAnnotations,
  selectPhrase,
  waitForAnchoring,
} from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test.use({ viewport: { width: 1280, height: 900 } });

const phrase = "tidal obligations of coastal states";

test("select → annotate → reload: the note sits in the margin beside its passage", async ({ page }) => {
  const user = createUser("annotator");
  const { slug, text } = seedAnnotations();
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const note = `The *tide* matters ${uniqueSuffix()}`;
  const id = await annotate(page, phrase, note, { tags: "law, sea" });
  const card = margin(page).locator(`#annotation-${id}`);
  await expect(card).toContainText(phrase);
  await expect(card.locator("em")).toHaveText("tide");
  await expect(card.getByRole("list", { name: "Tags" })).toContainText("#law");
  // A first contribution may be held for moderation; either way its author is told.
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /^(Note saved\.|Saved\. Others will see it once a moderator approves it\. .+)$/ }),
  ).toBeAttached();

  // Stored in code points: the emoji before the phrase counts as one.
  const stored = await (await page.request.get(`/api/annotations/${slug}/${id}`)).json();
  const at = text.indexOf(phrase);
  const expectedStart = Array.from(text.slice(0, at)).length;
  expect(stored.target.selector).toContainEqual({
    type: "TextPositionSelector",
    start: expectedStart,
    end: expectedStart + phrase.length,
  });

  await page.reload();
  await waitForAnchoring(page);
  const reloaded = margin(page).locator(`#annotation-${id}`);
  await expect(reloaded).toBeVisible();
  await expect(reloaded.getByRole("blockquote")).toContainText(phrase);
  await expect(reloaded).toContainText(user.name);
  // Beside its passage: the passage's group starts at the passage's line.
  const group = margin(page)
    .locator("section[data-passage]")
    .filter({ has: page.locator(`#annotation-${id}`) });
  await expect(group).toContainText("1 note on this passage");
  await expect
    .poll(async () => Math.abs((await group.boundingBox())!.y - (await passageTop(page, phrase))))
    .toBeLessThan(12);
});

test("clicking a highlight focuses its note, and a note lights up its passage", async ({ page }) => {
  const author = createUser("highlighted", "moderator");
  const user = createUser("clicker");
  const {
    slug,
    ids: [first, second],
  } = seedAnnotations({
    notes: [
      { author: author.email, exact: "the attribution problem", note: "First, on attribution." },
      { author: author.email, exact: "attribution problem that follows", note: "Second, overlapping." },
    ],
  });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  // Overlapping notes: both shown, each beside the passage.
  await expect(margin(page).locator(`#annotation-${first}`)).toBeVisible();
  await expect(margin(page).locator(`#annotation-${second}`)).toBeVisible();

  const box = await page.evaluate(() => {
    const body = document.querySelector("article .article-body")!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf("follows");
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    throw new Error("no passage");
  });
  await page.mouse.click(box.x, box.y);
  await expect(margin(page).locator(`#annotation-${second}`)).toBeFocused();

  await margin(page).locator(`#annotation-${first}`).getByRole("button", { name: "Show in text" }).click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const h = CSS.highlights.get("gloss-active");
        const r = h ? [...h][0] : null;
        if (!r) return null;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    )
    .toBe("the attribution problem");
  // Pointing at a note lights up its passage.
  await margin(page).locator(`#annotation-${second}`).hover();
  await expect.poll(() => highlightedText(page, "gloss-active")).toEqual(["attribution problem that follows"]);
});

test("a private note and a highlight are seen by their author only", async ({ page, browser }) => {
  const user = createUser("private");
  const other = createUser("other-reader");
  const { slug } = seedAnnotations();
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const note = `Only mine ${uniqueSuffix()}`;
  const id = await annotate(page, "freedom of the seas", note, { audience: "private" });
  await expect(margin(page).locator(`#annotation-${id}`)).toContainText("Private — only you");

  await selectPhrase(page, "state responsibility");
  await page.getByRole("button", { name: "Highlight", exact: true }).click();
  await expect(margin(page).getByRole("article", { name: "Your highlight" })).toContainText("state responsibility");

  await page.reload();
  await waitForAnchoring(page);
  await expect(margin(page).locator(`#annotation-${id}`)).toBeVisible();
  await expect(margin(page).getByRole("article", { name: "Your highlight" })).toBeVisible();

  const otherContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, other.email, other.password);
  await otherPage.goto(articlePath(slug));
  await waitForAnchoring(otherPage);
  await expect(otherPage.getByText(note)).toHaveCount(0);
  await expect(otherPage.locator(`#annotation-${id}`)).toHaveCount(0);
  await expect(margin(otherPage)).toContainText("Notes on this article (0)");
  expect((await otherPage.request.get(`/api/annotations/${slug}/${id}`)).status()).toBe(404);
  await otherContext.close();

  const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto(articlePath(slug));
  await waitForAnchoring(anonymousPage);
  await expect(anonymousPage.getByText(note)).toHaveCount(0);
  await expect(anonymousPage.locator(`#annotation-${id}`)).toHaveCount(0);
  await selectPhrase(anonymousPage, "freedom of the seas");
  await expect(anonymousPage.getByRole("link", { name: "Sign in to annotate" })).toBeVisible();
  await expect(anonymousPage.getByRole("button", { name: "Annotate" })).toHaveCount(0);
  await anonymous.close();
});

test("a held first note says why, in the message after saving and beside its badge (to its author only)", async ({
  page,
  browser,
}) => {
  const newcomer = createUser("held-annotator", "commenter", { trusted: false });
  const { slug } = seedAnnotations();
  await signIn(page, newcomer.email, newcomer.password);
  await page.goto(articlePath(slug));
  const why =
    "Your first contribution is reviewed by the editors before others see it; after one is approved, yours appear at once.";
  const id = await annotate(page, phrase, `Held for a first look ${uniqueSuffix()}`);
  await expect(
    page.getByRole("status").filter({ hasText: `Saved. Others will see it once a moderator approves it. ${why}` }),
  ).toBeAttached();
  const card = margin(page).locator(`#annotation-${id}`);
  await expect(card).toContainText("awaiting moderation");
  await expect(card).toContainText(why);
  // After a reload too (the server-rendered list reads the stored reasons).
  await page.reload();
  await waitForAnchoring(page);
  await expect(margin(page).locator(`#annotation-${id}`)).toContainText(why);
  const stored = await (await page.request.get(`/api/annotations/${slug}/${id}`)).json();
  expect(stored.reasons).toEqual(["first_comment"]);
  // Nobody else sees the note at all.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(articlePath(slug));
  await expect(reader.locator(`#annotation-${id}`)).toHaveCount(0);
});

test("a banned reader reads the notes but gets no Annotate, Highlight, Reply or Report: the ban notice instead", async ({
  page,
}) => {
  const user = createUser("banned-annotator");
  const other = createUser("note-writer");
  const {
    slug,
    ids: [id],
  } = seedAnnotations({ notes: [{ author: other.email, exact: phrase, note: "A note to read." }] });
  await signIn(page, user.email, user.password);
  seedDiscussion({ slug, ban: user.email });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const card = margin(page).locator(`#annotation-${id}`);
  await expect(card).toContainText("A note to read.");
  await expect(card.getByRole("button", { name: "Reply", exact: true })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Report", exact: true })).toHaveCount(0);

  await selectPhrase(page, phrase);
  const toolbar = page.getByRole("group", { name: "Selected passage" });
  await expect(toolbar).toContainText("You are banned from commenting permanently: e2e");
  await expect(toolbar.getByRole("button", { name: "Annotate", exact: true })).toHaveCount(0);
  await expect(toolbar.getByRole("button", { name: "Highlight", exact: true })).toHaveCount(0);
});

test("the flood rule's message is shown when a public note comes too soon", async ({ page }) => {
  const user = createUser("flooder");
  const { slug } = seedAnnotations();
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));
  await annotate(page, "freedom of the seas", `First ${uniqueSuffix()}`);
  await selectPhrase(page, "state responsibility");
  await page.getByRole("button", { name: "Annotate", exact: true }).click();
  await page.getByLabel("Annotation", { exact: true }).fill(`Second ${uniqueSuffix()}`);
  await page.getByRole("button", { name: "Save annotation", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /posting too fast/ })).toBeVisible();
  await expect(page.getByLabel("Annotation", { exact: true })).toBeVisible();
});

test("without the Custom Highlight API, passages are wrapped in <mark> and still open their notes", async ({
  page,
}) => {
  const author = createUser("marked", "moderator");
  const {
    slug,
    ids: [id],
  } = seedAnnotations({
    notes: [{ author: author.email, exact: "the attribution problem", note: "Painted the old way." }],
  });
  await page.addInitScript(() => {
    delete (window as { Highlight?: unknown }).Highlight;
  });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const mark = page.locator("article .article-body mark.gloss-mark");
  await expect(mark).toHaveText("the attribution problem");
  await mark.click();
  await expect(margin(page).locator(`#annotation-${id}`)).toBeFocused();
});
