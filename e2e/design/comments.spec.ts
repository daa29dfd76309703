import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { articlePath, commentsRegion, commentWith, postComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData, signIn } from "../fixtures/users";

// Issue 18, item 12 (and the tap targets of item 11): the comment controls line up, editing
// happens in place with the time left, the box has a Preview, bare addresses are links.
test.describe.configure({ timeout: 90_000 });

const left = async (l: Locator) => Math.round((await l.boundingBox())!.x);
/** Where a control's text starts (its box's left edge plus its left padding). */
const textLeft = async (l: Locator) =>
  Math.round(await l.evaluate((el) => el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft)));

async function setUp(page: Page, name: string) {
  const me = newUserData(name);
  const other = newUserData("other");
  const { slug } = seedDiscussion({
    users: [me, other],
    comments: [{ author: other.email, body: "Someone else's view, liked by nobody yet." }],
  });
  await signIn(page, me.email, me.password);
  await page.goto(articlePath(slug));
  return { me, other, slug };
}

test("your own comment's Reply, Edit and Delete start where another's Reply does, flush with the text", async ({
  page,
}) => {
  await setUp(page, "aligner");
  const id = await postComment(page, "My own remark, with no likes.");
  const mine = page.locator(`#comment-${id}`);
  const theirs = commentWith(page, "Someone else's view");
  const myReply = mine.getByRole("button", { name: "Reply", exact: true });
  const theirReply = theirs.getByRole("button", { name: "Reply", exact: true });
  await expect(myReply).toBeVisible();
  await expect(mine.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
  expect(await left(myReply)).toBe(await left(theirReply));
  // The first control's text lines up with the comment's text (no empty slot before it).
  const bodyLeft = await left(mine.locator(".comment-body"));
  expect(Math.abs((await textLeft(myReply)) - bodyLeft)).toBeLessThanOrEqual(2);
  // The edit window is shown beside the controls.
  await expect(mine.getByTestId("edit-window")).toHaveText(/^Editable for (1[0-5]|[1-9]) more minutes?$/);
});

test("editing happens in place: the form takes the text's place, Save puts the new text there", async ({ page }) => {
  await setUp(page, "inplace");
  const id = await postComment(page, "Teh first version.");
  // Edited on the page as the server renders it (the next test edits one posted in this visit).
  await page.reload();
  const comment = page.locator(`#comment-${id}`);
  const body = comment.locator(".comment-body");
  await expect(comment.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  const bodyTop = (await body.boundingBox())!.y;
  await comment.getByRole("button", { name: "Edit", exact: true }).click();
  const field = comment.getByLabel("Edit comment", { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("Teh first version.");
  // One text box, where the text was; the old text is not shown above it as well.
  await expect(body).toBeHidden();
  await expect(comment.locator("textarea")).toHaveCount(1);
  expect(
    Math.abs((await comment.getByText("Edit comment", { exact: true }).boundingBox())!.y - bodyTop),
  ).toBeLessThanOrEqual(12);
  await expect(comment).toContainText(/You can change it for (1[0-5]|[1-9]) more minutes?|less than a minute/);
  await field.fill("The **second** version.");
  await comment.getByRole("button", { name: "Save", exact: true }).click();
  await expect(body).toBeVisible();
  await expect(body.locator("strong")).toHaveText("second");
  await expect(comment.locator("textarea")).toHaveCount(0);
  // Cancel puts the text back unchanged.
  await comment.getByRole("button", { name: "Edit", exact: true }).click();
  await comment.getByLabel("Edit comment", { exact: true }).fill("Something I will not keep.");
  await comment.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(body).toBeVisible();
  await expect(body).toContainText("The second version.");
});

test("a comment posted and then edited in this visit shows once when the live stream refreshes the page", async ({
  page,
}) => {
  await setUp(page, "once");
  const id = await postComment(page, "Posted in this visit.");
  const comment = page.locator(`#comment-${id}`);
  await comment.getByRole("button", { name: "Edit", exact: true }).click();
  await comment.getByLabel("Edit comment", { exact: true }).fill("Posted, then edited in this visit.");
  await comment.getByRole("button", { name: "Save", exact: true }).click();
  // The live stream's "updated" refreshes the shared page, which then carries the comment itself.
  const onSharedPage = () =>
    page.evaluate(
      (id) =>
        [...document.querySelectorAll(`[id="comment-${id}"]`)].filter((el) => !el.closest("[data-session-comment]"))
          .length,
      id,
    );
  await expect.poll(onSharedPage, { timeout: 20_000 }).toBe(1);
  await expect(page.locator(`[id="comment-${id}"]`)).toHaveCount(1);
  await expect(page.locator(`[id="comment-${id}"] .comment-body`)).toContainText("then edited");
});

test("the comment box previews Markdown as the server will store it; bare addresses are linked", async ({ page }) => {
  await setUp(page, "previewer");
  const box = commentsRegion(page).getByLabel("Comment", { exact: true });
  await box.fill("A *careful* reading of https://icj-cij.org/case/143 and www.un.org.");
  await commentsRegion(page).getByRole("button", { name: "Preview", exact: true }).click();
  const preview = commentsRegion(page).getByRole("region", { name: "Preview of your comment" });
  await expect(preview.locator("em")).toHaveText("careful");
  await expect(preview.getByRole("link", { name: "https://icj-cij.org/case/143" })).toHaveAttribute(
    "href",
    "https://icj-cij.org/case/143",
  );
  await expect(preview.getByRole("link", { name: "www.un.org" })).toHaveAttribute("href", "http://www.un.org");
  await expect(preview).toContainText("2 links — with 2 or more, a moderator reviews it before it shows.");
  await expect(commentsRegion(page).getByRole("button", { name: "Preview", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // Back to writing: the text is as typed.
  await commentsRegion(page).getByRole("button", { name: "Preview", exact: true }).click();
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  await box.fill("Only one address: https://icj-cij.org/case/143");
  await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
  const posted = commentWith(page, "Only one address");
  await expect(posted.getByRole("link", { name: "https://icj-cij.org/case/143" })).toHaveAttribute(
    "rel",
    "nofollow ugc noopener",
  );
});

test("on a phone Reply, Report, Like, Edit and Delete are at least 44 px; axe is clean, light and dark", async ({
  page,
}) => {
  await setUp(page, "thumb");
  const id = await postComment(page, "A remark from my phone.");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const theirs = commentWith(page, "Someone else's view");
  const mine = page.locator(`#comment-${id}`);
  const controls = [
    theirs.getByRole("button", { name: "Reply", exact: true }),
    theirs.getByRole("button", { name: "Report", exact: true }),
    theirs.getByRole("button", { name: /^Like/ }),
    mine.getByRole("button", { name: "Edit", exact: true }),
    mine.getByRole("button", { name: "Delete", exact: true }),
  ];
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = (await control.boundingBox())!;
    expect(box.height, (await control.textContent()) ?? "").toBeGreaterThanOrEqual(44);
    expect(box.width, (await control.textContent()) ?? "").toBeGreaterThanOrEqual(44);
  }
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await mine.getByRole("button", { name: "Edit", exact: true }).click();
    await mine.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(mine.getByRole("region", { name: "Preview of your edit comment" })).toBeVisible();
    expect(await seriousViolations(page), colorScheme).toEqual([]);
    await mine.getByRole("button", { name: "Cancel", exact: true }).click();
  }
});
