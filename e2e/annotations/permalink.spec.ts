import { expect, test } from "@playwright/test";
import { createUser, signIn } from "../fixtures/users";
import { articlePath, highlightedText, margin, notesList, seedAnnotations, waitForAnchoring } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test("a note's permalink scrolls to its passage, lights it up and opens the note", async ({ page }) => {
  const author = createUser("linked", "moderator");
  const {
    slug,
    ids: [, target],
  } = seedAnnotations({
    notes: [
      { author: author.email, exact: "the freedom of the seas", note: "Another note." },
      { author: author.email, exact: "state responsibility under international law", note: "The linked note." },
    ],
  });
  const response = await page.request.get(`${articlePath(slug)}/annotations/${target}`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe(`${articlePath(slug)}#annotation-${target}`);

  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(`${articlePath(slug)}/annotations/${target}`);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}#annotation-${target}$`));
  await waitForAnchoring(page);
  const card = margin(page).locator(`#annotation-${target}`);
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect
    .poll(() => highlightedText(page, "gloss-active"))
    .toEqual(["state responsibility under international law"]);
});

test("on a phone, the permalink opens the note in a panel under its paragraph", async ({ page }) => {
  const author = createUser("linked-phone", "moderator");
  const {
    slug,
    ids: [target],
  } = seedAnnotations({
    notes: [{ author: author.email, exact: "the attribution problem", note: "Read on a phone." }],
  });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${articlePath(slug)}/annotations/${target}`);
  await waitForAnchoring(page);
  const panel = page.getByRole("region", { name: "1 note on this passage" });
  const card = panel.locator(`#annotation-${target}`);
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  // The panel sits right after the paragraph that holds the passage.
  expect(await panel.evaluate((el) => el.parentElement!.previousElementSibling!.textContent)).toContain(
    "the attribution problem",
  );
  await expect(notesList(page).locator(`#annotation-${target}`)).toHaveCount(0);
});

test("a permalink to a note the reader may not see leads to the article only", async ({ page }) => {
  const author = createUser("secret");
  const other = createUser("curious");
  const {
    slug,
    ids: [hidden],
  } = seedAnnotations({
    notes: [{ author: author.email, exact: "the freedom of the seas", note: "Private thought.", audience: "private" }],
  });
  await signIn(page, other.email, other.password);
  const response = await page.request.get(`${articlePath(slug)}/annotations/${hidden}`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe(articlePath(slug));
  await page.goto(`${articlePath(slug)}/annotations/${hidden}`);
  await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}$`));
  await expect(page.getByText("Private thought.")).toHaveCount(0);
});
