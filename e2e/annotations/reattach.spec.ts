import { expect, type Page, test } from "@playwright/test";
import { createUser, signIn } from "../fixtures/users";
import { articlePath, margin, notesList, seedAnnotations, selectPhrase, waitForAnchoring } from "./helpers";

// An orphaned note (its passage left the article) is re-attached by its author to a passage
// they select; nobody else is offered to.
test.describe.configure({ timeout: 90_000 });

const lostPassage = "a sentence the editors removed";
const newPhrase = "the attribution problem that follows";

function seedOrphan(authorEmail: string) {
  const {
    slug,
    ids: [id],
  } = seedAnnotations({
    notes: [{ author: authorEmail, exact: lostPassage, note: "This was about attribution.", orphaned: true }],
  });
  return { slug, id };
}

const orphanedRegion = (scope: ReturnType<Page["locator"]> | ReturnType<Page["getByRole"]>) =>
  scope.getByRole("region", { name: "Orphaned" });

test.describe("wide screen", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the author re-attaches an orphaned note to a new selection; it moves into the margin beside it", async ({
    page,
  }) => {
    const author = createUser("reattacher");
    const { slug, id } = seedOrphan(author.email);
    await signIn(page, author.email, author.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);

    const card = orphanedRegion(margin(page)).locator(`#annotation-${id}`);
    await expect(card).toContainText(lostPassage);
    await card.getByRole("button", { name: "Re-attach" }).click();
    await expect(page.getByRole("region", { name: "Re-attaching a note" })).toBeVisible();

    await selectPhrase(page, newPhrase);
    await page.getByRole("group", { name: "Selected passage" }).getByRole("button", { name: "Attach here" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Note re-attached to the passage you selected." }),
    ).toBeAttached();
    await expect(page.getByRole("region", { name: "Re-attaching a note" })).toHaveCount(0);

    const group = margin(page)
      .locator("section[data-passage]")
      .filter({ has: page.locator(`#annotation-${id}`) });
    await expect(group).toContainText("1 note on this passage");
    await expect(group.getByRole("blockquote")).toContainText(newPhrase);
    await expect(orphanedRegion(margin(page))).toHaveCount(0);

    const stored = await (await page.request.get(`/api/annotations/${slug}/${id}`)).json();
    expect(stored.state).toBe("anchored");
    expect(stored.target.selector).toContainEqual(
      expect.objectContaining({ type: "TextQuoteSelector", exact: newPhrase }),
    );

    // It stays there for everyone, signed out too.
    await page.context().clearCookies();
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await expect(
      margin(page)
        .locator("section[data-passage]")
        .filter({ has: page.locator(`#annotation-${id}`) }),
    ).toContainText(newPhrase);
  });

  test("Cancel and Escape end re-attaching; the note stays orphaned", async ({ page }) => {
    const author = createUser("reattach-cancel");
    const { slug, id } = seedOrphan(author.email);
    await signIn(page, author.email, author.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await orphanedRegion(margin(page)).locator(`#annotation-${id}`).getByRole("button", { name: "Re-attach" }).click();
    // Cancel from the toolbar: the mode ends and the selection with it.
    await selectPhrase(page, newPhrase);
    await page.getByRole("group", { name: "Selected passage" }).getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("region", { name: "Re-attaching a note" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Selected passage" })).toHaveCount(0);
    // Escape ends it too.
    await orphanedRegion(margin(page)).locator(`#annotation-${id}`).getByRole("button", { name: "Re-attach" }).click();
    await expect(page.getByRole("region", { name: "Re-attaching a note" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("region", { name: "Re-attaching a note" })).toHaveCount(0);
    await selectPhrase(page, newPhrase);
    const toolbar = page.getByRole("group", { name: "Selected passage" });
    await expect(toolbar.getByRole("button", { name: "Annotate" })).toBeVisible();
    await expect(toolbar.getByRole("button", { name: "Attach here" })).toHaveCount(0);
    expect((await (await page.request.get(`/api/annotations/${slug}/${id}`)).json()).state).toBe("orphaned");
  });

  test("another reader is not offered to re-attach someone else's note, and the API refuses them", async ({ page }) => {
    const author = createUser("reattach-owner");
    const other = createUser("reattach-other");
    const { slug, id } = seedOrphan(author.email);
    await signIn(page, other.email, other.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    const card = orphanedRegion(margin(page)).locator(`#annotation-${id}`);
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: "Re-attach" })).toHaveCount(0);

    const read = await page.request.get(`/api/annotations/${slug}/${id}`);
    const json = await read.json();
    const put = await page.request.put(`/api/annotations/${slug}/${id}`, {
      headers: {
        "Content-Type": "application/ld+json",
        "If-Match": read.headers()["etag"],
        Origin: new URL(page.url()).origin,
      },
      data: { ...json, target: { selector: { type: "TextQuoteSelector", exact: newPhrase } } },
    });
    expect(put.status()).toBe(403);
    expect((await put.json()).error.message).toMatch(/Only its author/);
    expect((await (await page.request.get(`/api/annotations/${slug}/${id}`)).json()).state).toBe("orphaned");
  });
});

test.describe("keyboard", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("Re-attach moves focus into the text; Shift+arrows select; Tab reaches Attach here", async ({ page }) => {
    const author = createUser("reattach-keys");
    const { slug, id } = seedOrphan(author.email);
    await signIn(page, author.email, author.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    const button = orphanedRegion(margin(page)).locator(`#annotation-${id}`).getByRole("button", { name: "Re-attach" });
    await button.focus();
    await page.keyboard.press("Enter");
    const body = page.locator("article .article-body");
    await expect(body).toBeFocused();
    // From the start of the text, word by word: "The first paragraph".
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
    await expect
      .poll(() => page.evaluate(() => document.getSelection()!.toString().trim()))
      .toBe("The first paragraph");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Attach here" })).toBeFocused();
    await page.keyboard.press("Enter");
    const card = margin(page).locator(`#annotation-${id}`);
    await expect(card).toBeFocused();
    await expect(card.getByRole("blockquote")).toHaveText("The first paragraph");
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the author re-attaches from the list under the article", async ({ page }) => {
    const author = createUser("reattach-phone");
    const { slug, id } = seedOrphan(author.email);
    await signIn(page, author.email, author.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await orphanedRegion(notesList(page))
      .locator(`#annotation-${id}`)
      .getByRole("button", { name: "Re-attach" })
      .click();
    // The list is under the article: re-attaching brings the start of the article text into view.
    await expect
      .poll(() => page.locator("article .article-body").evaluate((el) => Math.round(el.getBoundingClientRect().top)), {
        timeout: 5_000,
      })
      .toBeGreaterThanOrEqual(-2);
    expect(await page.locator("article .article-body").evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(
      200,
    );
    await selectPhrase(page, newPhrase);
    await page.getByRole("group", { name: "Selected passage" }).getByRole("button", { name: "Attach here" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Note re-attached to the passage you selected." }),
    ).toBeAttached();
    // On narrow screens the note opens in the panel under its paragraph.
    await expect(page.locator(`#annotation-${id}`).first()).toContainText(newPhrase);
    await expect(orphanedRegion(notesList(page))).toHaveCount(0);
    expect((await (await page.request.get(`/api/annotations/${slug}/${id}`)).json()).state).toBe("anchored");
  });
});
