import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedDiscussion } from "../fixtures/discussion";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { annotateViaApi, publishViaApi } from "../studio/helpers";

// Issue 18, items 16 and 10: an annotation's author link (its W3C `creator`, /users/<id>) was a
// 404; author pages had no bio. A person writes a short bio on their account page.
async function saveBio(page: Page, bio: string) {
  await page.goto("/account");
  await page.getByLabel("Short bio").fill(bio);
  await page.getByRole("button", { name: "Save bio" }).click();
  await expect(page.getByText("Your bio is saved.")).toBeVisible();
}

test("an annotation's author link leads to the person's page, with their bio", async ({ page, browser }) => {
  const reader = createUser("annotator");
  await signIn(page, reader.email, reader.password);
  const bio = `Reads treaties for fun ${uniqueSuffix()}.`;
  await saveBio(page, bio);
  const { slug } = seedDiscussion();
  await annotateViaApi(page, slug, "Its second paragraph", "A note from my page.");

  const response = await page.request.get(`/api/annotations/${slug}/`, { headers: { Accept: "application/ld+json" } });
  const items: { creator?: { id: string; name: string } }[] = (await response.json()).first?.items ?? [];
  const creator = items.find((a) => a.creator?.name === reader.name)?.creator;
  expect(creator?.id).toMatch(/\/users\/[^/]+$/);
  const path = new URL(creator!.id).pathname;

  const visitor = await browser.newContext({ baseURL: new URL(page.url()).origin }); // a signed-out visitor
  const page2 = await visitor.newPage();
  const visit = await page2.goto(path);
  expect(visit?.status()).toBe(200);
  await expect(page2.getByRole("heading", { level: 1 })).toHaveText(reader.name);
  await expect(page2.getByText(bio)).toBeVisible();
  await expect(page2.getByText(/1 public note/)).toBeVisible();
  expect(await seriousViolations(page2)).toEqual([]);
  await visitor.close();
});

test("an unknown person's page is a 404", async ({ page }) => {
  for (const path of ["/users/no-such-person", "/users/%00"]) expect((await page.goto(path))?.status(), path).toBe(404);
});

test("an author's archive shows their bio", async ({ page }) => {
  const editor = createUser("writer", "editor");
  await signIn(page, editor.email, editor.password);
  const bio = `Writes on the law of the sea ${uniqueSuffix()}.`;
  await saveBio(page, bio);
  await publishViaApi(page, "A paragraph by the writer.");
  const slug = editor.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await page.goto(`/author/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Articles by ${editor.name}`);
  await expect(page.getByTestId("author-bio")).toHaveText(bio);

  // The person's own page links to their articles.
  await page.goto("/account");
  await page.getByRole("link", { name: "your page" }).click();
  await page.getByRole("link", { name: `Articles by ${editor.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${slug}$`));
});
