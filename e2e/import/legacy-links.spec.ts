import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { admin, repoRoot } from "../fixtures/env";
import { signIn, uniqueSuffix } from "../fixtures/users";

// Issue 18, item 5: a WordPress move must not break old links. After an import, the post's
// permalink, its /yyyy/mm/dd/<name>/ address and ?p=<id> are permanent redirects to the article,
// the month archive still answers at /yyyy/mm, and the summary links to the imported articles.
test("an imported post's old WordPress addresses lead to its article; the summary links to it", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, "");
  const name = `the-treaty-${suffix}`;
  const postId = String(200_000_000 + Math.floor(Math.random() * 1_000_000_000));
  const text = fs
    .readFileSync(path.join(repoRoot, "tests", "fixtures", "wxr", "blog-1.2.xml"), "utf8")
    .replaceAll("https://oldlaw.example.com", `https://oldlaw-${suffix}.example.com`)
    .replace("<wp:post_name><![CDATA[the-treaty]]></wp:post_name>", `<wp:post_name><![CDATA[${name}]]></wp:post_name>`)
    .replace("/2024/02/the-treaty/</link>", `/2024/02/${name}/</link>`)
    .replace("<wp:post_id>10</wp:post_id>", `<wp:post_id>${postId}</wp:post_id>`);
  const file = testInfo.outputPath("old-law-blog.xml");
  fs.writeFileSync(file, text);

  await signIn(page, admin.email, admin.password);
  await page.goto("/import");
  await page.getByLabel("WordPress export (WXR)", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const imported = page.getByRole("list", { name: "Imported articles" });
  const link = imported.getByRole("link", { name: "The treaty, classic edition", exact: true });
  await expect(link).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${name}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The treaty, classic edition");

  // A reader following an old link (no account).
  const reader = await browser.newPage({ baseURL: new URL(page.url()).origin });
  for (const old of [`/2024/02/15/${name}/`, `/2024/02/${name}/`, `/?p=${postId}`]) {
    const response = await reader.request.get(old, { maxRedirects: 0 });
    expect(response.status(), old).toBe(308);
    expect(new URL(response.headers().location, "http://x").pathname, old).toBe(`/articles/${name}`);
    await reader.goto(old);
    await expect(reader).toHaveURL(new RegExp(`/articles/${name}$`));
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("The treaty, classic edition");
  }
  // The month archive is still the month archive; unknown old-looking addresses are 404s.
  expect((await reader.goto("/2024/02"))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Articles from February 2024");
  for (const unknown of [`/2024/02/15/${name}-nope/`, "/2024/02/15/", "/no-such-old-post", "/?p=999999999999"]) {
    const response = await reader.request.get(unknown, { maxRedirects: 0 });
    expect(response.status(), unknown).toBe(unknown.startsWith("/?p=") ? 200 : 404);
  }
  await reader.close();
});
