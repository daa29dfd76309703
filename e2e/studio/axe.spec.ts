import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn } from "../fixtures/users";

// The studio's pages, wide and on a phone, in both colour schemes.
for (const colorScheme of ["light", "dark"] as const) {
  test(`the studio has no serious or critical violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    const editor = createUser("axe-editor", "editor");
    await page.emulateMedia({ colorScheme });
    await signIn(page, editor.email, editor.password);
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      for (const path of [
        "/studio",
        "/studio/new",
        `/studio/${seedArticle.slug}`,
        `/studio/${seedArticle.slug}/revisions`,
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        expect(await seriousViolations(page), `${path} at ${viewport.width}px`).toEqual([]);
      }
    }
  });
}
