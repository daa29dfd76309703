import { expect, type Page, test } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, type Role, signIn } from "../fixtures/users";

// The studio is for editors and admins, and for contributors (and moderators, above them) on their
// own drafts only (the editorial desk); a commenter is refused, on its pages and its API.
test("anonymous visitors are sent to sign in, and back to the studio afterwards", async ({ page }) => {
  await page.goto("/studio");
  await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)studio$/);
  const editor = createUser("returning", "editor");
  await page.getByLabel("Email", { exact: true }).fill(editor.email);
  await page.getByLabel("Password", { exact: true }).fill(editor.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
});

/** One request to the studio's API and the status a role must get for it. */
type Refusal = [method: "get" | "post" | "patch", path: string, data: Record<string, unknown> | null, status: number];

/** Sends each request as the signed-in page (with its Origin, as a browser would) and checks its status. */
async function expectStatuses(page: Page, refusals: Refusal[]) {
  const origin = new URL(page.url()).origin;
  for (const [method, path, data, status] of refusals) {
    const response = await page.request[method](path, {
      headers: { Origin: origin },
      ...(data ? { data } : {}),
    });
    expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(status);
  }
}

const article = `/api/articles/${seedArticle.slug}`;

for (const role of ["commenter"] satisfies Role[]) {
  test(`a ${role} is refused the studio and its API`, async ({ page }) => {
    test.setTimeout(60_000);
    const user = createUser(role, role);
    await signIn(page, user.email, user.password);
    for (const path of [
      "/studio",
      "/studio/new",
      `/studio/${seedArticle.slug}`,
      `/studio/${seedArticle.slug}/revisions`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
      await expect(page.getByLabel("Body", { exact: true })).toHaveCount(0);
    }
    await expectStatuses(page, [
      ["post", "/api/articles", { title: "Nope", body: "Nope." }, 403],
      ["patch", article, { title: "Nope" }, 403],
      ["patch", `${article}?dryRun=1`, { body: "Nope." }, 403],
      ["get", `${article}/revisions`, null, 403],
    ]);
  });
}

for (const role of ["contributor", "moderator"] satisfies Role[]) {
  test(`a ${role} gets only their own drafts: someone else's article is 404, publishing 403`, async ({ page }) => {
    test.setTimeout(60_000);
    const user = createUser(role, role);
    await signIn(page, user.email, user.password);
    expect((await page.goto("/studio"))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: seedArticle.title })).toHaveCount(0);
    for (const path of [
      `/studio/${seedArticle.slug}`,
      `/studio/${seedArticle.slug}/revisions`,
      `/studio/${seedArticle.slug}/review`,
    ]) {
      expect((await page.goto(path))?.status()).toBe(404);
      await expect(page.getByLabel("Body", { exact: true })).toHaveCount(0);
    }
    await expectStatuses(page, [
      ["post", "/api/articles", { title: "Nope", body: "Nope.", status: "published" }, 403],
      ["patch", article, { title: "Nope" }, 404],
      ["patch", `${article}?dryRun=1`, { body: "Nope." }, 404],
      ["get", `${article}/revisions`, null, 404],
      ["get", `/api/reviews/${seedArticle.slug}/`, null, 404],
      ["post", `${article}/review`, { decision: "approve" }, 403],
    ]);
  });
}
