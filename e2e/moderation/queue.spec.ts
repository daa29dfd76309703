import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, commentWith, postComment } from "../fixtures/discussion";
import { createUser, openAccountMenu, signIn, uniqueSuffix } from "../fixtures/users";
import { expectLogEntry, queueItem, queueStatus, seedQueue, signedInPage } from "./moderation";

// The moderation queue as the editorial board uses it, in Chromium, against the production build.
test.describe("the moderation queue", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a new user's first comment is held, shows in Pending with its reason, is approved and appears on the article; the log shows each step", async ({
    page,
    browser,
  }) => {
    const newcomer = createUser("newcomer", "commenter", { trusted: false });
    const moderator = createUser("moderator", "moderator");
    const { slug } = seedQueue([]);
    const body = `My very first comment ${uniqueSuffix()}`;

    // The newcomer posts: they see their comment, awaiting moderation; readers do not.
    await signIn(page, newcomer.email, newcomer.password);
    await page.goto(articlePath(slug));
    const id = await postComment(page, body);
    await expect(page.locator(`#comment-${id}`)).toContainText("awaiting moderation");
    await expect(page.locator(`#comment-${id}`)).toContainText(
      "Your first contribution is reviewed by the editors before others see it; after one is approved, yours appear at once.",
    );
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(articlePath(slug));
    await expect(commentsRegion(reader)).toBeVisible();
    await expect(commentWith(reader, body)).toHaveCount(0);

    // The moderator sees the badge, then the item with the reason in words.
    const board = await signedInPage(browser, moderator);
    await openAccountMenu(board);
    await expect(board.getByRole("link", { name: /^Moderation, \d+ waiting$/ })).toBeVisible();
    await board.getByRole("link", { name: /^Moderation, \d+ waiting$/ }).click();
    await expect(board.getByRole("tab", { name: /^Pending/ })).toHaveAttribute("aria-selected", "true");
    const item = queueItem(board, body);
    await expect(item).toBeVisible();
    await expect(item.getByRole("list", { name: "Why it is here" })).toHaveText("Held as a first contribution");
    await expect(item).toContainText(newcomer.email);
    await expect(item).toContainText("0 approved");
    await expect(item.getByRole("link", { name: /^A moderated discussion/ })).toHaveAttribute(
      "href",
      articlePath(slug),
    );
    await item.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(queueStatus(board)).toHaveText("Approved 1 comment.");
    await expect(queueItem(board, body)).toHaveCount(0);

    // Readers see it at once (the cached page was dropped).
    await reader.reload();
    await expect(commentWith(reader, body)).toBeVisible();
    // It is in the Approved tab now.
    await board.getByRole("tab", { name: /^Approved/ }).click();
    await expect(board.getByRole("tab", { name: /^Approved/ })).toHaveAttribute("aria-selected", "true");
    await expect(queueItem(board, body)).toBeVisible();
    // The log: who, what, the target and the change.
    await expectLogEntry(board, moderator.name, "Approved", body, "status: pending → approved");
  });

  test("bulk: three items (comments and a note) go to Spam together", async ({ page }) => {
    const author = createUser("spammer", "commenter", { trusted: false });
    const moderator = createUser("moderator", "moderator");
    const marker = uniqueSuffix();
    const { slug } = seedQueue([
      { author: author.email, body: `Cheap watches one ${marker}`, reasons: ["links"] },
      { author: author.email, body: `Cheap watches two ${marker}`, reasons: ["word:watches"] },
      { author: author.email, body: `Cheap watches note ${marker}`, type: "annotation", reasons: ["first_comment"] },
    ]);
    await signIn(page, moderator.email, moderator.password);
    await page.goto(`/moderation?status=pending&article=${slug}`);
    await expect(page.locator("article[data-queue-item]")).toHaveCount(3);
    await expect(
      queueItem(page, `Cheap watches one ${marker}`).getByRole("list", { name: "Why it is here" }),
    ).toHaveText("2+ links");
    await expect(
      queueItem(page, `Cheap watches two ${marker}`).getByRole("list", { name: "Why it is here" }),
    ).toHaveText("Word: watches");
    await expect(queueItem(page, `Cheap watches note ${marker}`)).toContainText("On the passage:");
    await expect(queueItem(page, `Cheap watches note ${marker}`)).toContainText("second paragraph");

    await page
      .getByRole("checkbox", { name: `Select comment by ${author.name}` })
      .first()
      .check();
    await page.getByRole("checkbox", { name: "Select all" }).check();
    await expect(page.getByRole("checkbox", { name: `Select note by ${author.name}` })).toBeChecked();
    await expect(page.getByText("3 of 3 selected")).toBeVisible();
    await page.getByRole("button", { name: "Spam selected" }).click();
    await expect(queueStatus(page)).toHaveText("Marked as spam 3 items.");
    await expect(page.getByText("Nothing is waiting.")).toBeVisible();

    await page.getByRole("tab", { name: /^Spam/ }).click();
    await expect(page.locator("article[data-queue-item]")).toHaveCount(3);
    await expectLogEntry(page, moderator.name, "Marked as spam", `Cheap watches note ${marker}`);
  });

  test("keyboard: j/k move between items, a approves the focused one, x ticks it; keys typed in a field do nothing", async ({
    page,
  }) => {
    const author = createUser("typist", "commenter", { trusted: false });
    const moderator = createUser("moderator", "moderator");
    const marker = uniqueSuffix();
    const { slug } = seedQueue([
      { author: author.email, body: `Older keyboard item ${marker}` },
      { author: author.email, body: `Newer keyboard item ${marker}` },
    ]);
    await signIn(page, moderator.email, moderator.password);
    await page.goto(`/moderation?article=${slug}`);
    await expect(page.getByText("Keyboard shortcuts")).toBeVisible();
    const newer = queueItem(page, "Newer keyboard item");
    const older = queueItem(page, "Older keyboard item");

    await page.getByLabel("Note for the log").pressSequentially("jast");
    await expect(page.locator("article[data-queue-item]")).toHaveCount(2);
    await expect(page.getByLabel("Note for the log")).toHaveValue("jast");
    await page.getByLabel("Note for the log").fill("");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("j");
    await expect(newer).toBeFocused();
    await page.keyboard.press("j");
    await expect(older).toBeFocused();
    await page.keyboard.press("x");
    await expect(older.getByRole("checkbox")).toBeChecked();
    await page.keyboard.press("x");
    await expect(older.getByRole("checkbox")).not.toBeChecked();
    await page.keyboard.press("k");
    await expect(newer).toBeFocused();
    await page.keyboard.press("a");
    await expect(queueStatus(page)).toHaveText("Approved 1 comment.");
    await expect(newer).toHaveCount(0);
    await expect(older).toBeFocused();
    await page.keyboard.press("t");
    await expect(queueStatus(page)).toHaveText("Moved to Trash 1 comment.");
    await page.goto(`/moderation?status=trash&article=${slug}`);
    await expect(older).toBeVisible();
  });

  test("works without JavaScript: a per-item button is a plain form post", async ({ browser }) => {
    const author = createUser("nojs", "commenter", { trusted: false });
    const moderator = createUser("moderator", "moderator");
    const body = `Plain form item ${uniqueSuffix()}`;
    const { slug } = seedQueue([{ author: author.email, body }]);
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(page, moderator.email, moderator.password);
    await page.goto(`/moderation?article=${slug}`);
    await queueItem(page, body).getByRole("button", { name: "Trash", exact: true }).click();
    await expect(page.getByText("Nothing is waiting.")).toBeVisible();
    await page.goto(`/moderation?status=trash&article=${slug}`);
    await expect(queueItem(page, body)).toBeVisible();
    await queueItem(page, body).getByRole("button", { name: "Restore", exact: true }).click();
    await page.goto(`/moderation?article=${slug}`);
    await expect(queueItem(page, body).getByRole("list", { name: "Why it is here" })).toHaveText(
      "Held as a first contribution",
    );
  });
  test("a reported comment under the hiding threshold shows in Reported with its reasons; dismissing the reports clears it", async ({
    page,
  }) => {
    const author = createUser("reported", "commenter");
    const replier = createUser("replier", "commenter", { trusted: false });
    const reader = createUser("reporter");
    const moderator = createUser("moderator", "moderator");
    const marker = uniqueSuffix();
    const parent = `Against *aggression* in _writing_ \\ always ${marker}`;
    const reply = `A held reply ${marker}`;
    const { slug } = seedQueue([
      {
        author: author.email,
        body: parent,
        status: "approved",
        reasons: [],
        reports: [{ by: reader.email, reason: "harassment", note: "Rude to the author" }],
      },
      { author: replier.email, body: reply, parent: 0 },
    ]);
    await signIn(page, moderator.email, moderator.password);

    // Pending has the held reply, not the reported (still approved) comment; the reply quotes its
    // parent as text, without the Markdown, and says why it was held as history.
    await page.goto(`/moderation?status=pending&article=${slug}`);
    await expect(page.locator("article[data-queue-item]")).toHaveCount(1);
    await expect(queueItem(page, reply).locator("blockquote")).toHaveText(
      `In reply to: Against aggression in writing \\ always ${marker}`,
    );
    await expect(queueItem(page, reply).getByRole("list", { name: "Why it is here" })).toHaveText(
      "Held as a first contribution",
    );

    await page.getByRole("tab", { name: /^Reported/ }).click();
    await expect(page.getByRole("tab", { name: /^Reported \(\s?\d+\s?\)$/ })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/status=reported/);
    await expect(page.locator("article[data-queue-item]")).toHaveCount(1);
    const item = queueItem(page, "always");
    await expect(item).toContainText("Approved (visible)");
    await expect(item).toContainText("1 report");
    await expect(item).toContainText(`harassment: “Rude to the author” — ${reader.name}`);
    await expect(item.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Bulk actions" }).getByRole("button")).toHaveText([
      "Spam selected",
      "Trash selected",
    ]);
    await item.getByRole("button", { name: "Dismiss reports", exact: true }).click();
    await expect(queueStatus(page)).toHaveText("Dismissed the reports on 1 comment.");
    await expect(page.getByText("No open reports.")).toBeVisible();
  });

  test("on a phone the bulk bar stays compact and does not cover the items; the filters have room for their choices", async ({
    browser,
  }) => {
    const author = createUser("phone", "commenter", { trusted: false });
    const moderator = createUser("moderator", "moderator");
    const marker = uniqueSuffix();
    const { slug } = seedQueue(
      Array.from({ length: 4 }, (_, i) => ({ author: author.email, body: `Phone item ${i} ${marker}` })),
    );
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await signIn(page, moderator.email, moderator.password);
    await page.goto(`/moderation?status=pending&article=${slug}`);
    const bar = page.getByRole("group", { name: "Bulk actions" });
    await expect(bar).toBeVisible();
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).not.toBe("sticky");
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(100);
    // Scrolled to the last item, nothing of the bar lies over it.
    const last = queueItem(page, `Phone item 0 ${marker}`);
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height <= box.y || barBox.y >= box.y + box.height).toBe(true);

    // Filtered by article, so the filters are open.
    await expect(page.getByLabel("Type", { exact: true })).toBeVisible();
    for (const id of ["filter-type", "filter-reason"]) {
      const slack = await page.locator(`#${id}`).evaluate((el: HTMLSelectElement) => {
        const style = getComputedStyle(el);
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = style.font;
        const widest = Math.max(...[...el.options].map((o) => context.measureText(o.text).width));
        return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - widest;
      });
      expect(slack, id).toBeGreaterThanOrEqual(16);
    }
  });
});
