import { expect, test } from "@playwright/test";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { annotateViaApi, noteStates, publishViaApi, seedMarkdown } from "./helpers";

// The seed article is shared by other specs: every edit here is made on a published copy of it.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1400, height: 900 } });

const doomed =
  "The ransomware software used is referred to as Roadsweep, which is a new software which upon execution enumerates and encrypts files on the attacked device.";
const quotes = {
  stays: "Albania announced that it has cut all diplomatic ties with Iran",
  gone: "The ransomware software used is referred to as Roadsweep",
  moves: "Iran has violated all the moral and legal principles",
};

test("editing a published article shows what happens to readers' notes before it is published", async ({
  page,
  browser,
}) => {
  const editor = createUser("reviser", "editor");
  await signIn(page, editor.email, editor.password);
  const slug = await publishViaApi(page, seedMarkdown());
  const ids = {
    stays: await annotateViaApi(page, slug, quotes.stays, `Stays ${uniqueSuffix()}`),
    gone: await annotateViaApi(page, slug, quotes.gone, `Loses its passage ${uniqueSuffix()}`),
    moves: await annotateViaApi(page, slug, quotes.moves, `Moves ${uniqueSuffix()}`),
  };

  await page.goto(`/studio/${slug}`);
  const body = page.getByLabel("Body", { exact: true });
  const source = await body.inputValue();
  expect(source).toContain(doomed);
  // Delete the annotated sentence, and add a sentence before another note so that it moves.
  const edited = source
    .replace(` ${doomed}`, "")
    .replace("Iran has violated all the moral", "Sanctions followed. Iran has violated all the moral");
  await body.fill(edited);
  await expect(page.getByRole("region", { name: "Preview" })).not.toContainText("Roadsweep");

  await page.getByRole("button", { name: "Update", exact: true }).click();
  const impact = page.getByRole("region", { name: "Readers’ notes on this revision" });
  await expect(impact).toContainText("1 note stays, 1 moves, 1 orphaned");
  await expect(impact.getByRole("list", { name: "Notes that will be orphaned" })).toContainText(quotes.gone);
  // Nothing is published before the editor confirms.
  expect(await noteStates(page, slug)).toEqual({
    [ids.stays]: "anchored",
    [ids.gone]: "anchored",
    [ids.moves]: "anchored",
  });

  await impact.getByRole("button", { name: "Publish revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  await expect(impact).toBeHidden();
  expect(await noteStates(page, slug)).toEqual({
    [ids.stays]: "anchored",
    [ids.gone]: "orphaned",
    [ids.moves]: "anchored",
  });

  // A reader finds the note under "Orphaned" and the others beside their passages.
  const reader = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.locator("article .article-body")).not.toContainText("Roadsweep");
  const orphaned = reader.getByRole("region", { name: "Orphaned" });
  await expect(orphaned.locator(`#annotation-${ids.gone}`)).toContainText(quotes.gone);
  const margin = reader.getByRole("complementary", { name: "Margin notes" });
  for (const key of ["stays", "moves"] as const) {
    const card = margin.locator(`section[data-passage] #annotation-${ids[key]}`);
    await expect(card).toBeVisible();
    await expect(card).toContainText(quotes[key]);
    await expect(orphaned.locator(`#annotation-${ids[key]}`)).toHaveCount(0);
  }
  await reader.context().close();

  // The revisions page lists both, with the sentence struck out in the diff.
  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByRole("list", { name: "Revisions" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("diff").locator("del")).toContainText(["Roadsweep"]);
  await expect(page.getByTestId("diff").locator("ins")).toContainText(["Sanctions followed."]);
});

test("restoring an old revision shows its impact, then publishes it as a new revision", async ({ page }) => {
  const editor = createUser("restorer", "editor");
  await signIn(page, editor.email, editor.password);
  const slug = await publishViaApi(
    page,
    "Albania cut all diplomatic ties with Iran.\n\nThe third attack hit the border system.",
  );
  const note = await annotateViaApi(page, slug, "the border system", `Border ${uniqueSuffix()}`);
  const patch = await page.request.patch(`/api/articles/${slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { body: "Albania cut all diplomatic ties with Iran.", baseRevision: 1 },
  });
  expect(patch.status()).toBe(200);
  expect((await noteStates(page, slug))[note]).toBe("orphaned");

  await page.goto(`/studio/${slug}/revisions`);
  await page.getByRole("link", { name: "Restore revision 1" }).click();
  const confirm = page.getByRole("region", { name: "Restore revision 1?" });
  await expect(confirm).toContainText("0 notes stay, 1 moves, 0 orphaned");
  await confirm.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision 1 restored as revision 3." })).toBeVisible();
  const revisions = page.getByRole("list", { name: "Revisions" }).getByRole("listitem");
  await expect(revisions).toHaveCount(3);
  await expect(revisions.first()).toContainText("Revision 3");
  await expect(revisions.first()).toContainText("Current");
  expect((await noteStates(page, slug))[note]).toBe("anchored");
});

test("an edit based on a version someone else has replaced is refused, and nothing is overwritten", async ({
  page,
}) => {
  const editor = createUser("stale", "editor");
  await signIn(page, editor.email, editor.password);
  const slug = await publishViaApi(page, "The first version.");
  await page.goto(`/studio/${slug}`);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("The first version.");

  // Someone else publishes a new version meanwhile.
  const other = await page.request.patch(`/api/articles/${slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { body: "Their version.", baseRevision: 1 },
  });
  expect(other.status()).toBe(200);

  await page.getByLabel("Body", { exact: true }).fill("My version.");
  await expect(page.getByRole("alert").filter({ hasText: "Someone else saved this article" })).toBeVisible({
    timeout: 20_000,
  });
  const stored = await (await page.request.get(`/api/articles/${slug}`)).json();
  expect(stored.body).toBe("Their version.");
});
