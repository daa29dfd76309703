import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { margin, selectPhrase, waitForAnchoring } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn, type TestUser, uniqueSuffix } from "../fixtures/users";

// Issue 19: reading groups. Two students in a group annotate the seed article; a third reader,
// not a member, sees none of it. Screenshots (phone and wide) only when GLOSS_SCREENSHOTS names a folder.

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1280, height: 900 } });

const shots = process.env.GLOSS_SCREENSHOTS;

async function signedIn(browser: Browser, user: TestUser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `groups-${name}.png`), fullPage: true });
}

/** Writes a note on `phrase` for `audience` (the editor's radio label) and returns its card's id. */
async function annotateFor(page: Page, phrase: string, note: string, audience: string | null) {
  await selectPhrase(page, phrase);
  await page.getByRole("button", { name: "Annotate", exact: true }).click();
  await page.getByLabel("Annotation", { exact: true }).fill(note);
  if (audience) await page.getByLabel(audience, { exact: true }).check();
  await page.getByRole("button", { name: "Save annotation", exact: true }).click();
  const card = page.locator("article[id^='annotation-']").filter({ hasText: note });
  await expect(card).toBeFocused();
  return (await card.getAttribute("id"))!.slice("annotation-".length);
}

test("two students annotate the seed article in their group; a reader outside it sees none of it", async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const [ada, ben, cai] = [createUser("ada"), createUser("ben"), createUser("cai")];
  const name = `Treaty seminar ${suffix.slice(-6)}`;

  // Ada makes the group and copies its invite link.
  const adaPage = await signedIn(browser, ada);
  await adaPage.goto("/groups");
  await expect(adaPage.getByRole("heading", { level: 1, name: "Groups" })).toBeVisible();
  expect(await seriousViolations(adaPage)).toEqual([]);
  await adaPage.getByLabel("Group name").fill(name);
  await adaPage.getByLabel("Description (optional)").fill("We read the Albanian case together.");
  await adaPage.getByRole("button", { name: "Create group" }).click();
  await expect(adaPage.getByRole("heading", { level: 1, name })).toBeVisible();
  const groupPath = new URL(adaPage.url()).pathname;
  const invite = await adaPage.getByLabel("Invite link").inputValue();
  expect(invite).toMatch(/\/groups\/join\/[A-Za-z0-9_-]{16,}$/);
  await adaPage.getByRole("button", { name: "Copy link" }).click();
  expect(await seriousViolations(adaPage)).toEqual([]);

  // Ben opens the link: nothing happens until he presses Join.
  const benPage = await signedIn(browser, ben);
  await benPage.goto(new URL(invite).pathname);
  await expect(benPage.getByRole("heading", { level: 1, name: `Join ${name}` })).toBeVisible();
  expect(await seriousViolations(benPage)).toEqual([]);
  await benPage.getByRole("button", { name: `Join ${name}` }).click();
  await expect(benPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(benPage.getByRole("list").filter({ hasText: ben.name })).toContainText(ada.name);

  // Ada writes a group note on the seed article.
  const adaNote = `Group only: sovereignty ${suffix}`;
  await adaPage.goto(seedArticle.path);
  await waitForAnchoring(adaPage);
  const adaId = await annotateFor(
    adaPage,
    "blatant violation of the international laws",
    adaNote,
    `${name} — its members`,
  );
  await expect(adaPage.locator(`#annotation-${adaId}`)).toContainText(`Group — ${name}`);
  await expect(adaPage.getByRole("status").filter({ hasText: `only the members of ${name}` })).toBeAttached();

  // Ben sees it; he switches the margin to the group, and his new note is for the group at once.
  const benNote = `Group reply on war ${suffix}`;
  await benPage.goto(seedArticle.path);
  await waitForAnchoring(benPage);
  await expect(margin(benPage).locator(`#annotation-${adaId}`)).toContainText(adaNote);
  await margin(benPage).getByLabel("Showing").selectOption({ label: name });
  await expect(margin(benPage).locator(`#annotation-${adaId}`)).toBeVisible();
  await selectPhrase(benPage, "an open call for war");
  await benPage.getByRole("button", { name: "Annotate", exact: true }).click();
  await expect(benPage.getByLabel(`${name} — its members`, { exact: true })).toBeChecked();
  // The editor with its group audiences open is axe clean too.
  expect(await seriousViolations(benPage)).toEqual([]);
  await benPage.getByLabel("Annotation", { exact: true }).fill(benNote);
  await benPage.getByRole("button", { name: "Save annotation", exact: true }).click();
  const benCard = benPage.locator("article[id^='annotation-']").filter({ hasText: benNote });
  await expect(benCard).toBeFocused();
  expect(await seriousViolations(benPage)).toEqual([]);
  await shoot(benPage, "margin-wide");

  // Ada sees Ben's note live (her stream carries her group's events) or on reload.
  await expect(adaPage.locator("article[id^='annotation-']").filter({ hasText: benNote })).toBeVisible({
    timeout: 15_000,
  });

  // Ben runs nothing: no "Remove from group" on Ada's note; Ada, the owner, has it on Ben's.
  await expect(
    margin(benPage).locator(`#annotation-${adaId}`).getByRole("button", { name: "Remove from group" }),
  ).toHaveCount(0);

  // Cai is not a member: not in the margin, not in the container, not in the page's HTML.
  const caiPage = await signedIn(browser, cai);
  await caiPage.goto(seedArticle.path);
  await waitForAnchoring(caiPage);
  const body = await caiPage.content();
  expect(body).not.toContain(adaNote);
  expect(body).not.toContain(benNote);
  const container = await (await caiPage.request.get(`/api/annotations/${seedArticle.slug}/`)).text();
  expect(container).not.toContain(suffix);
  expect((await caiPage.request.get(`/api/annotations/${seedArticle.slug}/${adaId}`)).status()).toBe(404);
  expect((await caiPage.goto(groupPath))?.status()).toBe(404);
  // And anonymous readers get the shared page without them.
  const anonymous = await (await browser.newContext()).newPage();
  const shared = await (await anonymous.request.get(seedArticle.path)).text();
  expect(shared).not.toContain(suffix);
  // Anonymous visitors are sent to sign in, from the groups page and from the invite link alike.
  await anonymous.goto("/groups");
  await expect(anonymous).toHaveURL(/\/signin\?returnTo=%2Fgroups$/);
  await anonymous.goto(new URL(invite).pathname);
  await expect(anonymous).toHaveURL(/\/signin\?returnTo=%2Fgroups%2Fjoin%2F/);

  // Ada removes an off-topic note of Ben's from the group, in the margin.
  const offTopic = `Off-topic ${suffix}`;
  const offId = await annotateFor(benPage, "principle of sovereignty", offTopic, `${name} — its members`);
  await adaPage.reload();
  await waitForAnchoring(adaPage);
  const offCard = margin(adaPage).locator(`#annotation-${offId}`);
  await offCard.getByRole("button", { name: "Remove from group" }).click();
  await offCard.getByRole("button", { name: "Yes, remove" }).click();
  await expect(margin(adaPage).locator(`#annotation-${offId}`)).toHaveCount(0);
  expect((await benPage.request.get(`/api/annotations/${seedArticle.slug}/${offId}`)).status()).toBe(404);

  // Ben reports Ada's note in the margin: the report goes to the owner, the note stays.
  const adaCard = margin(benPage).locator(`#annotation-${adaId}`);
  await adaCard.getByRole("button", { name: "Report", exact: true }).click();
  await adaCard.getByLabel("Off-topic").check();
  await adaCard.getByRole("button", { name: "Send report" }).click();
  await expect(adaCard.getByRole("status").filter({ hasText: "the group's owner will look" })).toBeVisible();

  // The group page on a phone and wide, for the record: Ada sees the reported note, then keeps it.
  await adaPage.goto("/groups");
  await adaPage.getByRole("link", { name, exact: true }).click();
  await expect(adaPage.getByRole("heading", { name: "Latest notes" })).toBeVisible();
  await expect(adaPage.getByText(benNote)).toBeVisible();
  const reported = adaPage.getByRole("region", { name: "Reported notes" });
  await expect(reported).toContainText(adaNote);
  await expect(reported).toContainText("1 report");
  await expect(reported.getByRole("list", { name: "Reasons" })).toContainText("Off-topic");
  expect(await seriousViolations(adaPage)).toEqual([]);
  await shoot(adaPage, "group-wide");
  const phone = await signedIn(browser, ada, { width: 390, height: 844 });
  await phone.goto(new URL(adaPage.url()).pathname);
  expect(await seriousViolations(phone)).toEqual([]);
  await shoot(phone, "group-phone");
  await reported.getByRole("button", { name: /^Keep the note by/ }).click();
  await expect(adaPage.getByRole("status").filter({ hasText: "its reports were dismissed" })).toBeVisible();
  await expect(adaPage.getByRole("region", { name: "Reported notes" })).toHaveCount(0);
  await expect(adaPage.getByText(adaNote)).toBeVisible();
  await phone.goto(seedArticle.path);
  await waitForAnchoring(phone);
  await shoot(phone, "article-phone");
});
