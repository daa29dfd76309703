import { expect, test } from "@playwright/test";
import { articlePath, seedDiscussion } from "../fixtures/discussion";
import { newUserData } from "../fixtures/users";

// Security review, finding 6: the CSP hashed every inline script of the final HTML, so a script
// that slipped past the sanitizer into a comment would have been hashed and run. Only the scripts
// Next.js emitted (they carry the render's nonce) may run.
test.describe("content security policy", () => {
  test("an inline script planted in a comment's stored HTML does not run, on the first render nor from the cache", async ({
    page,
  }) => {
    const author = newUserData("planter");
    const { slug } = seedDiscussion({
      users: [author],
      comments: [
        {
          author: author.email,
          body: "planted",
          html: `<p>planted text</p><script>document.documentElement.dataset.planted = "ran"</script>`,
        },
      ],
    });
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const visit of ["first render", "cached copy"]) {
      const response = await page.goto(articlePath(slug));
      const csp = response!.headers()["content-security-policy"];
      expect(csp, visit).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]+'(;|$)/);
      expect(csp, visit).toContain("object-src 'none'");
      expect(csp, visit).toContain("base-uri 'none'");
      await expect(page.getByText("planted text")).toBeVisible();
      // The page's own scripts ran (React hydrated the interactive parts: the sort links are live)…
      await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next));
      // …and the planted one did not.
      expect(await page.evaluate(() => document.documentElement.dataset.planted ?? null), visit).toBeNull();
    }
    expect(violations.length).toBeGreaterThan(0);
  });

  test("every script in a served page carries the nonce its policy names", async ({ request }) => {
    const { slug } = seedDiscussion({});
    const response = await request.get(articlePath(slug));
    const nonce = /'nonce-([A-Za-z0-9_-]+)'/.exec(response.headers()["content-security-policy"])![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1])
      .filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });
});
