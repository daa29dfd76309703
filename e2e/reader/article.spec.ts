import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { seedArticle, seedBlocks, seedParagraphs } from "../fixtures/seed-article";

const stackTrace = /\bat [\w.<>$]+ \(|node_modules|webpack|\.tsx?:\d+|\bTypeError\b|\bReferenceError\b|PrismaClient/;

/** The reader's view of the seed article: one h1, three h2, every block verbatim and anchored. */
async function expectFullSeedArticle(page: Page) {
  const article = page.locator("article");
  await expect(article).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedArticle.title);
  await expect(article.getByRole("heading", { level: 2 })).toHaveText(seedArticle.headings);

  // Every block of the body, in order and verbatim, carries a block id (annotations anchor to it).
  const blocks = article.locator("[data-block-id]");
  expect(await blocks.allTextContents()).toEqual(seedBlocks());
  const ids = await blocks.evaluateAll((els) => els.map((el) => el.getAttribute("data-block-id") ?? ""));
  expect(ids.every((id) => id.trim().length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  for (const paragraph of seedParagraphs()) await expect(article.getByText(paragraph, { exact: true })).toHaveCount(1);

  // The publication's label above the title (the seed article is also filed under a category of that name).
  await expect(article.locator("header > p").first()).toHaveText(seedArticle.publication);
  await expect(article.getByText(seedArticle.author, { exact: true })).toBeVisible();
  await expect(article).toContainText(seedArticle.affiliation);
  await expect(article.locator(`time[datetime^="${seedArticle.publishedOn}"]`)).toHaveCount(1);
  await expect(article).toContainText(/\d+ min read/);
  await expect(article.getByText(seedArticle.credit, { exact: true })).toBeVisible();
}

// Other specs publish articles in parallel, newer than the seed: follow the home page's
// "Older articles" links (as a reader would) until the article is listed.
async function openHomePageListing(page: Page, title: string) {
  await page.goto("/");
  for (let i = 0; i < 30; i++) {
    if (await page.getByRole("link", { name: title, exact: true }).count()) return;
    const older = page.getByRole("link", { name: "Older articles →" });
    if (!(await older.count())) return;
    await Promise.all([page.waitForURL(/after=/), older.click()]);
  }
}

test.describe("reading the seed article", () => {
  test("the home page lists the seed article and leads to it", async ({ page }) => {
    await openHomePageListing(page, seedArticle.title);
    const latest = page.getByRole("list", { name: "Latest articles" });
    const entry = latest.getByRole("listitem").filter({ hasText: seedArticle.title });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(seedArticle.author);
    await expect(entry).toContainText(/\d+ min read/);

    await entry.getByRole("link", { name: seedArticle.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${seedArticle.path}$`));
    await expectFullSeedArticle(page);
  });

  test("the article page shows every block, the byline and the credit line, without console errors", async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    const response = await page.goto(seedArticle.path);
    expect(response?.status()).toBe(200);
    await expectFullSeedArticle(page);
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });

    test("the article still reads in full", async ({ page }) => {
      const response = await page.goto(seedArticle.path);
      expect(response?.status()).toBe(200);
      await expectFullSeedArticle(page);
    });

    test("the home page still lists the article", async ({ page }) => {
      await openHomePageListing(page, seedArticle.title);
      await expect(page.getByRole("link", { name: seedArticle.title, exact: true })).toBeVisible();
    });
  });

  test("an unknown slug gets the styled 404 page, with no internals", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article-" + Date.now());
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
    await expect(page.getByRole("link", { name: "Go to the latest articles" })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(stackTrace);
  });
});

function expectSecurityHeaders(response: APIResponse, { html }: { html: boolean }) {
  const headers = response.headers();
  const url = response.url();
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBeTruthy();
  expect(headers["permissions-policy"], url).toBeTruthy();
  const csp = headers["content-security-policy"];
  expect(csp, `${url} has a Content-Security-Policy`).toBeTruthy();
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name.toLowerCase(), sources] as const;
      }),
  );
  expect(directives.get("frame-ancestors"), url).toEqual(["'none'"]);
  const scriptSources = directives.get("script-src") ?? directives.get("default-src");
  expect(scriptSources, `${url}: script-src or default-src`).toBeTruthy();
  if (html) expect(directives.get("script-src"), `${url}: an HTML page names its script sources`).toBeTruthy();
  // 'unsafe-inline' is only acceptable where a nonce or hash makes browsers ignore it.
  if (scriptSources!.includes("'unsafe-inline'"))
    expect(
      scriptSources!.some((s) => /^'(nonce|sha(256|384|512))-/.test(s)),
      `${url}: bare 'unsafe-inline' in script-src`,
    ).toBe(true);
  expect(scriptSources, url).not.toContain("*");
  expect(scriptSources, url).not.toContain("data:");
}

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", seedArticle.path, "/signin", "/signup", "/forgot-password", "/articles/no-such-article"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([200, 404], path).toContain(response.status());
    expect(response.headers()["content-type"], path).toContain("text/html");
    expectSecurityHeaders(response, { html: true });
  }
  const api = await request.get("/api/articles");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api, { html: false });
});

test("a HEAD request never leaves an empty page in the cache for the next reader", async ({ request }) => {
  // Fresh cache keys (the query string is part of the key), so what is cached comes from these requests.
  for (const path of [
    `${seedArticle.path}?utm_source=monitor-${Date.now()}`,
    `/search?q=albania&from=monitor-${Date.now()}`,
  ]) {
    const head = await request.head(path);
    expect(head.status(), path).toBe(200);
    const get = await request.get(path);
    expect(get.status(), path).toBe(200);
    const html = await get.text();
    expect(html.length, path).toBeGreaterThan(1000);
    expect(html, path).toContain("</html>");
    // The GET is cached now: a HEAD answered from it describes the same page.
    const again = await request.head(path);
    expect(again.headers().etag, path).toBe(get.headers().etag);
  }
});
