import { expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { linkIn, newestMailTo } from "../fixtures/mail";
import { newUserData, signIn, signOut, uniqueSuffix } from "../fixtures/users";

test.describe.configure({ timeout: 90_000 });

// A reply mails the comment's author, who can stop those mails from the mail (no sign-in) and
// turn them back on from the account page.
test("a reply is mailed to the comment's author, whose link stops further reply mails", async ({ page, baseURL }) => {
  const author = newUserData("replied-to");
  const replier = newUserData("replier");
  const {
    slug,
    ids: [parentId],
  } = seedDiscussion({ users: [author, replier], comments: [{ author: author.email, body: "What do you think?" }] });

  await signIn(page, replier.email, replier.password);
  const words = `I think it is settled law ${uniqueSuffix()}`;
  const posted = await page.request.post(`/api/articles/${slug}/comments`, {
    headers: { Origin: new URL(baseURL!).origin },
    data: { body: words, parentId },
  });
  expect(posted.status()).toBe(201);
  const replyId = (await posted.json()).id as string;

  const mail = await newestMailTo(author.email, { subject: /replied to your comment/ });
  expect(mail.subject).toContain(replier.name);
  expect(mail.text).toContain(words);
  expect(mail.text).toContain(`/articles/${slug}/comments/${replyId}`);

  // The link opens a page that asks; nothing changes until the button.
  await signOut(page);
  await page.goto(linkIn(mail, "/account/reply-mail"));
  await expect(page.getByRole("heading", { level: 1, name: "Reply e-mails" })).toBeVisible();
  await page.getByRole("button", { name: "Stop reply e-mails" }).click();
  await expect(page.getByText(/you will no longer get an e-mail when someone replies/)).toBeVisible();

  // The account page shows it off; the reader turns it back on there.
  await signIn(page, author.email, author.password);
  await page.goto("/account");
  const box = page.getByRole("checkbox", { name: /E-mail me when someone replies/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole("button", { name: "Save e-mail settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /E-mail me when someone replies/ })).toBeChecked();
});

test("a forged unsubscribe link changes nothing and says so", async ({ page }) => {
  await page.goto("/account/reply-mail?u=someone&t=forged");
  await page.getByRole("button", { name: "Stop reply e-mails" }).click();
  await expect(
    page.getByText("This link is not valid. Turn reply e-mails off on your account page instead."),
  ).toBeVisible();
});
