import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, commentWith, postComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData, signIn, uniqueSuffix } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

// The discussion as a signed-in reader uses it, with JavaScript: each test has its own article and
// users (one user can post once per 15 s, so a second voice is seeded or is another user).
test.describe("commenting", () => {
  test("posts a comment: it appears at once, with its author, and takes the focus", async ({ page }) => {
    const user = newUserData("poster");
    const { slug } = seedDiscussion({ users: [user] });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    const region = commentsRegion(page);
    await expect(region.getByRole("heading", { name: "Comments (0)" })).toBeVisible();

    const marker = uniqueSuffix();
    const id = await postComment(
      page,
      `First thoughts ${marker}: *well* argued.`,
      `First thoughts ${marker}: well argued.`,
    );
    const comment = page.locator(`#comment-${id}`);
    await expect(comment).toBeFocused();
    await expect(comment).toContainText(user.name);
    await expect(comment.locator("em")).toHaveText("well");
    await expect(region.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
    await expect(comment.getByRole("button", { name: "Edit", exact: true })).toBeVisible();

    // It is stored: a fresh load shows it too.
    await page.reload();
    await expect(commentWith(page, "First thoughts")).toHaveCount(1);
  });

  test("replies to a comment: the reply nests under it and takes the focus", async ({ page }) => {
    const author = newUserData("author");
    const replier = newUserData("replier");
    const { slug } = seedDiscussion({
      users: [author, replier],
      comments: [{ author: author.email, body: "A comment that deserves an answer." }],
    });
    await signIn(page, replier.email, replier.password);
    await page.goto(articlePath(slug));

    const parent = commentWith(page, "deserves an answer");
    await parent.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = parent.getByLabel("Reply", { exact: true });
    await expect(reply).toBeFocused();
    const text = `Here is my answer ${uniqueSuffix()}.`;
    await reply.fill(text);
    await parent.getByRole("button", { name: "Post reply", exact: true }).click();

    const replies = commentsRegion(page).getByRole("list", { name: `Replies to ${author.name}` });
    await expect(replies.locator("article").filter({ hasText: text })).toBeVisible();
    await expect(replies.locator("article").filter({ hasText: text })).toBeFocused();
    await expect(replies.locator("article").filter({ hasText: text })).toContainText(replier.name);
    await expect(commentsRegion(page).getByRole("heading", { name: "Comments (2)" })).toBeVisible();
  });

  test("edits a comment within the window: the new text shows, marked edited", async ({ page }) => {
    const user = newUserData("editor");
    const { slug } = seedDiscussion({ users: [user] });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    const id = await postComment(page, "Teh first version.");
    const comment = page.locator(`#comment-${id}`);
    await expect(comment).not.toContainText("edited");

    await comment.getByRole("button", { name: "Edit", exact: true }).click();
    const field = comment.getByLabel("Edit comment", { exact: true });
    await expect(field).toHaveValue("Teh first version.");
    await field.fill("The **second** version.");
    await comment.getByRole("button", { name: "Save", exact: true }).click();

    await expect(comment.locator("strong")).toHaveText("second");
    await expect(comment).toContainText("The second version.");
    await expect(comment).toContainText("edited");
    await expect(comment).not.toContainText("Teh first");
    await page.reload();
    await expect(page.locator(`#comment-${id}`)).toContainText("edited");
    await expect(page.locator(`#comment-${id}`)).toContainText("The second version.");
  });

  test("deletes a comment without replies: it disappears", async ({ page }) => {
    const user = newUserData("deleter");
    const { slug } = seedDiscussion({ users: [user] });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    const id = await postComment(page, "A remark I will take back.");

    await page.locator(`#comment-${id}`).getByRole("button", { name: "Delete", exact: true }).click();
    await page.locator(`#comment-${id}`).getByRole("button", { name: "Yes, delete", exact: true }).click();
    await expect(page.locator(`#comment-${id}`)).toHaveCount(0);
    await expect(commentsRegion(page).getByRole("heading", { name: "Comments (0)" })).toBeVisible();
    await expect(commentsRegion(page)).not.toContainText("This comment was deleted");
    await page.reload();
    await expect(commentsRegion(page)).not.toContainText("A remark I will take back.");
  });

  test("deletes a comment with replies: a placeholder keeps the thread together", async ({ page }) => {
    const author = newUserData("deleter");
    const other = newUserData("answerer");
    const {
      slug,
      ids: [parentId],
    } = seedDiscussion({
      users: [author, other],
      comments: [
        { author: author.email, body: "A comment I will regret." },
        { author: other.email, body: "An answer that stays.", parent: 0 },
      ],
    });
    await signIn(page, author.email, author.password);
    await page.goto(articlePath(slug));

    const parent = page.locator(`#comment-${parentId}`);
    await parent.getByRole("button", { name: "Delete", exact: true }).click();
    await parent.getByRole("button", { name: "Yes, delete", exact: true }).click();
    await expect(parent).toContainText("This comment was deleted.");
    await expect(parent).not.toContainText("regret");
    await expect(parent.getByRole("button")).toHaveCount(0);
    await expect(commentWith(page, "An answer that stays.")).toBeVisible();
    await expect(commentsRegion(page).getByRole("heading", { name: "Comments (1)" })).toBeVisible();

    // Everyone sees the placeholder, never the text.
    await page.context().clearCookies();
    await page.reload();
    await expect(page.locator(`#comment-${parentId}`)).toContainText("This comment was deleted.");
    await expect(commentsRegion(page)).not.toContainText("regret");
    await expect(commentWith(page, "An answer that stays.")).toBeVisible();
  });

  test("likes a comment once, and unlikes it", async ({ page }) => {
    const author = newUserData("liked");
    const reader = newUserData("liker");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({
      users: [author, reader],
      comments: [{ author: author.email, body: "Like this if you agree." }],
    });
    await signIn(page, reader.email, reader.password);
    await page.goto(articlePath(slug));

    const like = page.locator(`#comment-${id}`).getByRole("button", { name: /^Like/ });
    await expect(like).toHaveAttribute("aria-pressed", "false");
    await expect(like).toHaveAccessibleName("Like (0)");
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(like).toHaveAccessibleName("Like (1)");

    await page.reload();
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(like).toHaveAccessibleName("Like (1)");
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "false");
    await expect(like).toHaveAccessibleName("Like (0)");
    await page.reload();
    await expect(like).toHaveAccessibleName("Like (0)");
  });

  test("reports a comment with a reason, once", async ({ page }) => {
    const author = newUserData("reported");
    const reader = newUserData("reporter");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({
      users: [author, reader],
      comments: [{ author: author.email, body: "Buy cheap watches here." }],
    });
    await signIn(page, reader.email, reader.password);
    await page.goto(articlePath(slug));

    const comment = page.locator(`#comment-${id}`);
    await comment.getByRole("button", { name: "Report", exact: true }).click();
    // No reason is chosen for the reader: sending without one asks for it, and sends nothing.
    for (const reason of ["Spam", "Harassment", "Off-topic", "Something else"])
      await expect(comment.getByRole("radio", { name: reason })).not.toBeChecked();
    await comment.getByRole("button", { name: "Send report", exact: true }).click();
    await expect(comment.getByRole("status").filter({ hasText: "Choose why you are reporting it." })).toBeVisible();
    await comment.getByRole("radio", { name: "Spam" }).check();
    await comment.getByLabel("Note for the moderators (optional)").fill("Advertising.");
    await comment.getByRole("button", { name: "Send report", exact: true }).click();
    await expect(comment.getByRole("status")).toHaveText("Thank you. The editorial board will look at it.");

    // A second report by the same reader is refused, with a message.
    await page.reload();
    await comment.getByRole("button", { name: "Report", exact: true }).click();
    await comment.getByRole("radio", { name: "Harassment" }).check();
    await comment.getByRole("button", { name: "Send report", exact: true }).click();
    await expect(comment.getByText("You have already reported this comment.")).toBeVisible();
  });
});

test.describe("what a commenter is not offered", () => {
  test("no Like or Report on one's own comment; no Edit or Delete on someone else's", async ({ page }) => {
    const me = newUserData("owner");
    const other = newUserData("other");
    const {
      slug,
      ids: [mine, theirs],
    } = seedDiscussion({
      users: [me, other],
      comments: [
        { author: me.email, body: "My own comment." },
        { author: other.email, body: "Someone else's comment." },
      ],
    });
    await signIn(page, me.email, me.password);
    await page.goto(articlePath(slug));

    const own = page.locator(`#comment-${mine}`);
    await expect(own.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
    await expect(own.getByRole("button", { name: "Reply", exact: true })).toBeVisible();
    await expect(own.getByRole("button", { name: /^Like/ })).toHaveCount(0);
    await expect(own.getByRole("button", { name: "Report", exact: true })).toHaveCount(0);
    // Seeded an hour ago: past the 15-minute edit window.
    await expect(own.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);

    const foreign = page.locator(`#comment-${theirs}`);
    await expect(foreign.getByRole("button", { name: "Report", exact: true })).toBeVisible();
    await expect(foreign.getByRole("button", { name: /^Like/ })).toBeVisible();
    await expect(foreign.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(foreign.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  });

  test("a second comment within 15 s is refused with a message beside the form, and not shown", async ({ page }) => {
    const user = newUserData("hasty");
    const { slug } = seedDiscussion({ users: [user] });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    await postComment(page, "The first of two.");

    const region = commentsRegion(page);
    await region.getByLabel("Comment", { exact: true }).fill("The second, too soon.");
    await region.getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(region.getByText(/You are posting too fast\. You can post again in \d+ s\./)).toBeVisible();
    await expect(region.getByLabel("Comment", { exact: true })).toHaveValue("The second, too soon.");
    await expect(commentWith(page, "The second, too soon.")).toHaveCount(0);
  });

  test("a blank comment is refused beside the field", async ({ page }) => {
    const user = newUserData("blank");
    const { slug } = seedDiscussion({ users: [user] });
    await signIn(page, user.email, user.password);
    await page.goto(articlePath(slug));
    const region = commentsRegion(page);
    await region.getByLabel("Comment", { exact: true }).fill("    ");
    await region.getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(region.getByText("Write something first.")).toBeVisible();
    await expect(region.getByRole("heading", { name: "Comments (0)" })).toBeVisible();
  });

  test("a banned user reads the discussion and is told of the ban where they would write; no write controls", async ({
    page,
  }) => {
    const user = newUserData("banned");
    const other = newUserData("voice");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({ users: [user, other], comments: [{ author: other.email, body: "Still readable." }] });
    await signIn(page, user.email, user.password);
    seedDiscussion({ slug, ban: user.email });
    await page.goto(articlePath(slug));
    await expect(commentWith(page, "Still readable.")).toBeVisible();

    const region = commentsRegion(page);
    await expect(region.getByRole("note")).toHaveText("You are banned from commenting permanently: e2e");
    await expect(region.getByLabel("Comment", { exact: true })).toHaveCount(0);
    await expect(region.getByRole("button", { name: "Post comment" })).toHaveCount(0);
    const comment = page.locator(`#comment-${id}`);
    for (const name of ["Reply", "Report", "Edit", "Delete"]) {
      await expect(comment.getByRole("button", { name, exact: true })).toHaveCount(0);
      await expect(comment.getByRole("link", { name, exact: true })).toHaveCount(0);
    }
    await expect(comment.getByRole("button", { name: /^Like/ })).toHaveCount(0);
    // Nor the server-rendered reply form by its URL.
    await page.goto(`${articlePath(slug)}?replyTo=${id}`);
    await expect(comment.getByLabel("Reply", { exact: true })).toHaveCount(0);
  });
});
