import { expect, test } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";

// scripts/lib/paint-first.mjs: a page's chunk scripts are requested only once its largest
// contentful paint is on screen, and the page still hydrates (README › Speed).
test("the article is on screen before any of its scripts is requested; then it hydrates and its controls work", async ({
  page,
  context,
}) => {
  const response = await page.goto(seedArticle.path);
  const html = await response!.text();
  // Nothing for the parser or the preload scanner to start early: no chunk <script src>, no script preload.
  const chunkTags = [...html.matchAll(/<script\b[^>]*\bsrc="\/_next\/static\/chunks\/[^"]+"[^>]*>/g)].filter(
    (m) => !/\bnoModule\b/i.test(m[0]),
  );
  expect(chunkTags).toEqual([]);
  expect(html).not.toMatch(/<link\b[^>]*\bas="script"/);

  await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next));
  const timing = await page.evaluate(async () => {
    const paints = await new Promise<number[]>((resolve) =>
      new PerformanceObserver((list) => resolve(list.getEntries().map((e) => e.startTime))).observe({
        type: "largest-contentful-paint",
        buffered: true,
      }),
    );
    const scripts = performance
      .getEntriesByType("resource")
      .filter((r) => /\/_next\/static\/chunks\/[^?]+\.js$/.test(r.name))
      .map((r) => r.startTime);
    return { firstPaint: Math.min(...paints), firstScript: Math.min(...scripts), scripts: scripts.length };
  });
  expect(timing.scripts).toBeGreaterThan(3);
  expect(timing.firstScript).toBeGreaterThanOrEqual(timing.firstPaint);

  // Hydrated: a control that only JavaScript drives works.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByText("Cite this article").click();
  const copy = page.locator("details#cite").getByRole("button", { name: "Copy APA citation" });
  await copy.click();
  await expect(copy.locator("xpath=..").getByRole("status")).toHaveText("Copied");
});

test("pages where one acts at once (signing in or up) keep Next's own script tags: nothing typed before hydration is lost", async ({
  request,
}) => {
  for (const path of ["/signin", "/signup"]) {
    const html = await (await request.get(path)).text();
    expect(html, path).toMatch(/<script\b[^>]*\bsrc="\/_next\/static\/chunks\/[^"]+"[^>]*\basync\b/);
    expect(html, path).not.toContain("querySelector(V)");
  }
});
