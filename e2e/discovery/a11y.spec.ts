import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of ["/search", "/search?q=diplomats+cyber", "/category/sailblogs", "/2022/10"]) {
    test(`${path} has no serious or critical violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}
