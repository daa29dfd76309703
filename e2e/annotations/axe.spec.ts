import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn } from "../fixtures/users";
import { articlePath, margin, seedAnnotations, selectPhrase, waitForAnchoring } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

function seedNotes() {
  const ann = createUser("axe-ann", "moderator");
  const bob = createUser("axe-bob", "moderator");
  return seedAnnotations({
    notes: [
      {
        author: ann.email,
        exact: "the tidal obligations of coastal states",
        note: "A note with a [link](https://example.org).",
        tags: ["sea"],
      },
      { author: bob.email, note: "A reply.", parent: 0 },
      { author: bob.email, exact: "the attribution problem", note: "Overlapping one." },
      { author: ann.email, exact: "attribution problem that follows", note: "Overlapping two." },
      { author: ann.email, exact: "gone", note: "Orphaned.", orphaned: true },
    ],
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the article with its margin notes open, signed in, is axe clean (${colorScheme})`, async ({ page }) => {
    const { slug } = seedNotes();
    const user = createUser("axe-reader");
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    await waitForAnchoring(page);
    await expect(margin(page).getByRole("region", { name: "Orphaned" })).toBeVisible();
    await margin(page).getByRole("button", { name: "Reply" }).first().click();
    await selectPhrase(page, "freedom of the seas");
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    await expect(page.getByLabel("Annotation", { exact: true })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the article with a note panel open on a phone is axe clean", async ({ page }) => {
  const { slug } = seedNotes();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const box = await page.evaluate(() => {
    const body = document.querySelector("article .article-body")!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf("coastal");
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      range.startContainer.parentElement!.scrollIntoView({ block: "center" });
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    throw new Error("no passage");
  });
  await page.mouse.click(box.x, box.y);
  await expect(page.getByRole("region", { name: "1 note on this passage" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
