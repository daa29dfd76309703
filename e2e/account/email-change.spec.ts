import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { linkIn, newestMailTo } from "../fixtures/mail";
import { screenshotPhoneAndWide } from "../fixtures/screenshots";
import { createUser, newUserData, signIn, signOut, submitSignIn } from "../fixtures/users";

// Issue 13: changing the e-mail address confirms the new one; the old one stays until then.
test("a reader changes their address: the old one stays until the link mailed to the new one is opened", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = createUser("changing-address");
  const next = newUserData("new-address").email;
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "E-mail address" });
  await expect(section).toContainText(`Your address is ${user.email}.`);

  // A wrong password is refused where it was typed; nothing is sent.
  await section.getByLabel("New e-mail address").fill(next);
  await section.getByLabel("Your password, to confirm it is you").fill("not-the-password");
  await section.getByRole("button", { name: "Change e-mail address" }).click();
  await expect(section.getByText("Your password is not right.")).toBeVisible();
  await expect(section.getByLabel("New e-mail address")).toHaveValue(next);

  await section.getByLabel("Your password, to confirm it is you").fill(user.password);
  await section.getByRole("button", { name: "Change e-mail address" }).click();
  await expect(section.getByRole("status")).toHaveText(
    `We sent a link to ${next}. Your account keeps its current address until you open it.`,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotPhoneAndWide(page, "account-email", { show: section });
  await page.reload();
  await expect(page.getByRole("region", { name: "E-mail address" })).toContainText(
    `A link was sent to ${next}: your account moves there once you open it.`,
  );
  expect((await (await page.request.get("/api/me")).json()).email).toBe(user.email);

  // The link from the new address's mailbox moves the account.
  const mail = await newestMailTo(next, { subject: /Confirm your new e-mail address/ });
  await page.goto(linkIn(mail, "/confirm-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: `your account now uses ${next}` })).toBeVisible();
  await expect(newestMailTo(user.email, { subject: /was changed/ })).resolves.toMatchObject({ to: user.email });

  // Signing in now takes the new address; the old one no longer opens the account.
  await signOut(page);
  await submitSignIn(page, user.email, user.password);
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, next, user.password);
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "E-mail address" })).toContainText(`Your address is ${next}.`);
});
