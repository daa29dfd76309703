import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn } from "../fixtures/users";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`) }));
}

// The studio's pages, wide and on a phone, in both colour schemes.
for (const colorScheme of ["light", "dark"] as const) {
  test(`the studio has no serious or critical violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    const editor = createUser("axe-editor", "editor");
    await page.emulateMedia({ colorScheme });
    await signIn(page, editor.email, editor.password);
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      for (const path of ["/studio", "/studio/new", `/studio/${seedArticle.slug}`, `/studio/${seedArticle.slug}/revisions`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        expect(await seriousViolations(page), `${path} at ${viewport.width}px`).toEqual([]);
      }
    }
  });
}
