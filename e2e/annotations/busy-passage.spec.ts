import { expect, test } from "@playwright/test";
import { createUser } from "../fixtures/users";
import { articlePath, margin, seedAnnotations, waitForAnchoring } from "./helpers";

// A passage with many notes shows the first three in the margin and "Show N more", so it does not
// push every later passage's notes far away; a permalink to a hidden one opens the group.
test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 1280, height: 900 } });

const busy = "the freedom of the seas";
const later = "state responsibility under international law";

function seedBusyPassage() {
  const author = createUser("busy", "moderator");
  return seedAnnotations({
    notes: [
      ...Array.from({ length: 7 }, (_, i) => ({ author: author.email, exact: busy, note: `Busy note ${i + 1}.` })),
      { author: author.email, exact: later, note: "A note further down." },
    ],
  });
}

const group = (page: import("@playwright/test").Page, name: string) => margin(page).getByRole("region", { name });

test("a busy passage shows three notes and the rest on demand; later notes stay near their passage", async ({
  page,
}) => {
  const { slug, ids } = seedBusyPassage();
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);
  const busyGroup = group(page, "7 notes on this passage");
  await expect(busyGroup.getByRole("article")).toHaveCount(3);
  const more = busyGroup.getByRole("button", { name: "Show 4 more on this passage" });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(margin(page).locator(`#annotation-${ids[7]}`)).toBeVisible();
  // Pointing at a visible note does not open the rest.
  await busyGroup.getByRole("article").first().hover();
  await busyGroup.getByRole("article").nth(1).hover();
  await expect(busyGroup.getByRole("article")).toHaveCount(3);

  await more.click();
  await expect(busyGroup.getByRole("article")).toHaveCount(7);
  const fewer = busyGroup.getByRole("button", { name: "Show fewer notes on this passage" });
  await expect(fewer).toHaveAttribute("aria-expanded", "true");
  // Laid out again: the later note moved down below the open group, never overlapping it.
  await expect
    .poll(async () => {
      const groupBox = (await busyGroup.boundingBox())!;
      const laterBox = (await margin(page).locator(`#annotation-${ids[7]}`).boundingBox())!;
      return laterBox.y >= groupBox.y + groupBox.height;
    })
    .toBe(true);
  await fewer.click();
  await expect(busyGroup.getByRole("article")).toHaveCount(3);
});

test("a permalink to a note hidden behind “Show more” opens its group and focuses it", async ({ page }) => {
  const { slug, ids } = seedBusyPassage();
  await page.goto(`${articlePath(slug)}/annotations/${ids[6]}`);
  await waitForAnchoring(page);
  const card = margin(page).locator(`#annotation-${ids[6]}`);
  await expect(card).toBeFocused();
  await expect(card).toContainText("Busy note 7.");
  await expect(group(page, "7 notes on this passage").getByRole("article")).toHaveCount(7);
});
