import { expect, test } from "@playwright/test";
import { articlePath, margin, seedAnnotations, selectPhrase, waitForAnchoring } from "../annotations/helpers";
import { seriousViolations } from "../fixtures/axe";
import { linkIn, newestMailTo } from "../fixtures/mail";
import { screenshotPhoneAndWide } from "../fixtures/screenshots";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, newUserData, signUp } from "../fixtures/users";

// Issue 13, finding 5: a sign-up confirms its address before what it writes counts.
test("a new account is told to confirm its address, can have the link sent again, and confirms it once", async ({
  page,
}) => {
  test.setTimeout(120_000); // a whole journey: sign-up, a comment, two pages, two mails, screenshots
  const user = newUserData("confirm");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/welcome/);
  await expect(page.getByText("Confirm your e-mail address.")).toBeVisible();

  // A comment now is held, and the author is told why.
  await page.goto(seedArticle.path);
  const region = page.getByRole("region", { name: /Comments/ });
  await region.getByLabel("Comment", { exact: true }).fill(`Held until I confirm ${user.email}.`);
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(page.getByText(/confirm your e-mail address: open the link we sent you/).first()).toBeVisible();

  // The account page says the same and sends the link again.
  const first = await newestMailTo(user.email, { subject: /Confirm your e-mail address/ });
  await page.goto("/account");
  const notice = page.getByRole("form", { name: "Confirm your e-mail address" });
  await expect(notice).toContainText(user.email);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotPhoneAndWide(page, "account-unconfirmed");
  await notice.getByRole("button", { name: "Send the link again" }).click();
  await expect(notice.getByText(/A new link is on its way/)).toBeVisible();
  await expect.poll(async () => (await newestMailTo(user.email, { subject: /Confirm/ })).id).not.toBe(first.id);

  // The first link still works; its page asks for one click (a mail scanner opening it changes nothing).
  const link = linkIn(first, "/confirm-email");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your e-mail address" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotPhoneAndWide(page, "confirm-email");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "your e-mail address is confirmed" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("confirm-email-done.png") });
  expect((await (await page.request.get("/api/me")).json()).emailConfirmed).toBe(true);

  // Used once: opening it again says so, and the account page no longer asks.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This confirmation link was already used" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("form", { name: "Confirm your e-mail address" })).toHaveCount(0);
});

test("a made-up confirmation link is refused without a form", async ({ page }) => {
  await page.goto("/confirm-email?token=not-a-real-token-at-all-0123456789");
  await expect(page.getByRole("heading", { level: 1, name: "This confirmation link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my address" })).toHaveCount(0);
});

// Issue 13: an unconfirmed account is told before it posts that the post will wait, and a report it
// sends says it does not count yet — for notes as for comments.
test("before confirming, the comment form warns that a post waits, and a note report says it does not count yet", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const author = createUser("noted-for-report");
  const {
    slug,
    ids: [noteId],
  } = seedAnnotations({ notes: [{ author: author.email, exact: "state responsibility", note: "Report me." }] });
  const user = newUserData("unconfirmed-reporter");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/welcome/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(articlePath(slug));
  await waitForAnchoring(page);

  const region = page.getByRole("region", { name: /Comments/ });
  const warning = region.getByRole("note").filter({ hasText: "Your e-mail address is not confirmed yet" });
  await expect(warning).toContainText("your comment will be shown to others once you confirm it");
  await expect(warning.getByRole("link", { name: "your account page" })).toHaveAttribute("href", "/account");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotPhoneAndWide(page, "comment-unconfirmed", { wideHeight: 900, show: warning });

  const card = margin(page).locator(`#annotation-${noteId}`);
  await card.getByRole("button", { name: "Report", exact: true }).click();
  await card.getByRole("radio", { name: "Spam" }).check();
  await card.getByRole("button", { name: "Send report" }).click();
  await expect(card.getByRole("status")).toHaveText(
    "Thank you. The editorial board will see it; it counts towards hiding the note once you confirm your e-mail address (see your account page).",
  );
  await page.screenshot({ path: test.info().outputPath("note-report-unconfirmed.png") });

  // The note editor says the same for a public note (not for a private one).
  await selectPhrase(page, "the freedom of the seas");
  await page.getByRole("button", { name: "Annotate", exact: true }).click();
  const editor = page.getByRole("form", { name: "New note" });
  const noteWarning = editor.getByRole("note");
  await expect(noteWarning).toContainText("a public note will be shown to others once you confirm it");
  await page.screenshot({ path: test.info().outputPath("note-editor-unconfirmed.png") });
  await editor.getByLabel("Private — only you").check();
  await expect(noteWarning).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});
