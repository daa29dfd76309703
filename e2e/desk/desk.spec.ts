import { expect, type Page, test } from "@playwright/test";
import { selectPhrase } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { saveStatus } from "../studio/helpers";

// The editorial desk end to end (issue 16): a contributor writes and submits; an editor comments on
// two passages and requests changes; the contributor sees the notes in place, rewrites one passage
// (its note moves) and deletes the other (its note is orphaned), resubmits; the editor approves; the
// article is public with the credit line and without any review note.
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 900 } });

const p1 = "The tribunal held that the seizure of the vessel breached the treaty of amity.";
const p2 =
  "Counsel for the respondent argued that the claim was inadmissible for want of exhaustion of local remedies.";
const p3 = "The dissenting judge would have found that necessity precluded wrongfulness in the circumstances.";
const opening = "A new opening paragraph sets out the facts of the dispute in more detail than before.";
const shots = process.env.DESK_SHOTS;

const margin = (page: Page) => page.getByRole("complementary", { name: "Review notes" });

async function comment(page: Page, phrase: string, text: string) {
  await selectPhrase(page, phrase);
  await page.getByRole("button", { name: "Comment on this passage", exact: true }).click();
  await page.getByLabel("Annotation", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Save annotation", exact: true }).click();
  await expect(page.locator("article[id^='annotation-']").filter({ hasText: text })).toBeFocused();
}

test("contributor submits, editor reviews in the margin, contributor rewrites, editor approves", async ({
  browser,
}) => {
  const author = createUser("author", "contributor");
  const editor = createUser("boardeditor", "editor");
  const a = await (await browser.newContext()).newPage();
  const e = await (await browser.newContext()).newPage();
  const suffix = uniqueSuffix();
  const title = `Amity and necessity ${suffix}`;
  const note1 = `Cite the treaty article ${suffix}.`;
  const note2 = `Say which ILC article ${suffix}.`;

  // The contributor writes a draft: no Publish, no Schedule.
  await signIn(a, author.email, author.password);
  await a.goto("/studio/new");
  await expect(a.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await a.getByLabel("Title", { exact: true }).fill(title);
  await a.getByLabel("Body", { exact: true }).fill([p1, p2, p3].join("\n\n"));
  await expect(saveStatus(a)).toHaveText("Saved", { timeout: 30_000 });
  await expect(a).toHaveURL(/\/studio\/amity-and-necessity-/);
  const slug = a.url().split("/").at(-1)!;
  await a.goto(`/studio/${slug}`);
  await a.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await expect(a.getByRole("button", { name: "Withdraw from review" })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);

  // The board's Review tab lists it; the editor opens the draft with its review margin.
  await signIn(e, editor.email, editor.password);
  await e.goto("/studio?status=review");
  const row = e.getByRole("list", { name: "Waiting for review" }).getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText(author.name);
  await expect(row).toContainText("44 words");
  await expect(row).toContainText(/Waiting \d+ minutes?|Just submitted/);
  expect(await seriousViolations(e)).toEqual([]);
  if (shots) {
    await e.screenshot({ path: `${shots}/desk-review-tab-wide.png`, fullPage: true });
  }
  await e.goto(`/studio/${slug}/review`);
  await comment(e, "breached the treaty of amity", note1);
  await comment(e, "necessity precluded wrongfulness", note2);
  await expect(margin(e).locator("article[id^='annotation-']")).toHaveCount(2);
  expect(await seriousViolations(e)).toEqual([]);
  if (shots) await e.screenshot({ path: `${shots}/desk-review-wide.png`, fullPage: true });
  await e.getByLabel("Message to the author").fill("Please cite your sources.");
  await e.getByRole("button", { name: "Request changes" }).click();
  await expect(e.getByRole("status").filter({ hasText: "Changes requested" })).toBeVisible();

  // The contributor sees the notes beside their passages, rewrites one and deletes the other.
  await a.goto(`/studio/${slug}/review`);
  await expect(margin(a).locator("article[id^='annotation-']").filter({ hasText: note1 })).toContainText(
    "breached the treaty of amity",
  );
  await expect(margin(a).locator("article[id^='annotation-']").filter({ hasText: note2 })).toContainText(
    "necessity precluded wrongfulness",
  );
  if (shots) {
    await a.setViewportSize({ width: 390, height: 844 });
    await a.reload();
    await a.screenshot({ path: `${shots}/desk-review-phone.png`, fullPage: true });
    await a.setViewportSize({ width: 1280, height: 900 });
  }
  await a.goto(`/studio/${slug}`);
  await a.getByLabel("Body", { exact: true }).fill([opening, p1.replace("amity.", "amity (art. X)."), p2].join("\n\n"));
  await expect(saveStatus(a)).toHaveText("Saved", { timeout: 30_000 });
  await a.goto(`/studio/${slug}/review`);
  const moved = margin(a).locator("article[id^='annotation-']").filter({ hasText: note1 });
  await expect(moved).toContainText("breached the treaty of amity");
  // It sits beside its passage, now in the second paragraph.
  const passage = await a.evaluate(() => {
    const p = [...document.querySelectorAll("article .article-body p")].find((x) =>
      x.textContent!.includes("breached the treaty"),
    )!;
    return p.getBoundingClientRect().top;
  });
  await expect.poll(async () => Math.abs((await moved.boundingBox())!.y - passage)).toBeLessThan(80);
  const orphans = a.getByRole("region", { name: "Orphaned" });
  await expect(orphans.locator("article[id^='annotation-']").filter({ hasText: note2 })).toContainText(
    "necessity precluded wrongfulness",
  );
  await a.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();

  // The editor sees which passage changed, and approves.
  await e.goto(`/studio/${slug}/review`);
  await expect(e.getByText("Passage gone since your note")).toBeVisible();
  // The moved note's passage reads as it did: no "changed" mark on it.
  await expect(
    margin(e).locator("article[id^='annotation-']").filter({ hasText: note1 }).getByText("Changed since your note"),
  ).toHaveCount(0);
  await e.getByRole("button", { name: "Approve and publish" }).click();
  await expect(e.getByRole("status").filter({ hasText: "Approved and published." })).toBeVisible();

  // Public: the credit line, and no review note anywhere on the page.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.locator("article")).toContainText("Edited By : SAILBlogs Editorial Board");
  const html = await reader.content();
  expect(html).not.toContain(note1);
  expect(html).not.toContain(note2);
  expect((await reader.request.get(`/api/reviews/${slug}/`)).status()).toBe(404);
});
