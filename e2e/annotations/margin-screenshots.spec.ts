import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { createUser, signIn } from "../fixtures/users";
import { articlePath, seedAnnotations, selectPhrase, waitForAnchoring } from "./helpers";

// The margin's screenshots (docs/screenshots/margin-*.png), taken only when asked:
// GLOSS_SCREENSHOTS=<dir> npm test -- e2e e2e/annotations/margin-screenshots.spec.ts
// They assert nothing: margin-layout.spec.ts holds the behaviour they show.
const dir = process.env.GLOSS_SCREENSHOTS;
test.skip(!dir, "screenshots only when GLOSS_SCREENSHOTS names a folder");
test.describe.configure({ timeout: 120_000 });

async function shot(page: Page, name: string) {
  fs.mkdirSync(dir!, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir!, `margin-${name}.png`) });
}

function seedBusy() {
  const author = createUser("shots", "moderator");
  const other = createUser("shots-b", "moderator");
  return seedAnnotations({
    notes: [
      {
        author: author.email,
        exact: "the freedom of the seas",
        note: "Grotius, *Mare Liberum* (1609) is the classic statement.",
      },
      ...Array.from({ length: 4 }, (_, i) => ({
        author: (i % 2 ? other : author).email,
        exact: "tidal obligations of coastal states",
        note: `Busy passage, note ${i + 1}: which obligations exactly?`,
      })),
      { author: other.email, exact: "the attribution problem", note: "Attribution is the whole game in cyber." },
      {
        author: author.email,
        exact: "state responsibility under international law",
        note: "ARSIWA, articles 1 and 2.",
      },
    ],
  });
}

for (const [label, viewport] of [
  ["wide", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test(`screenshots (${label})`, async ({ page }) => {
      const reader = createUser(`shots-${label}`);
      const { slug: empty } = seedAnnotations();
      const { slug } = seedBusy();
      await signIn(page, reader.email, reader.password);

      await page.goto(articlePath(empty));
      await waitForAnchoring(page);
      await shot(page, `empty-${label}`);

      await page.goto(articlePath(slug));
      await waitForAnchoring(page);
      await shot(page, `notes-${label}`);
      if (label === "wide") {
        const at = await page.evaluate((phrase) => {
          const body = document.querySelector("article .article-body")!;
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const i = node.nodeValue!.indexOf(phrase);
            if (i === -1) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + phrase.length);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          throw new Error(phrase);
        }, "the attribution problem");
        await page.mouse.move(at.x - 10, at.y);
        await page.mouse.move(at.x, at.y);
        await shot(page, "hover-wide");
        await page.mouse.move(5, 5);
      }
      await selectPhrase(page, "cyber-attacks");
      await page.getByRole("button", { name: "Annotate", exact: true }).click();
      await expect(page.getByLabel("Annotation", { exact: true })).toBeFocused();
      await page.getByLabel("Annotation", { exact: true }).fill("Which attacks count as uses of force?");
      await shot(page, `compose-${label}`);
    });
  });
}
