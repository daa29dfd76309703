import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, commentWith, seedDiscussion } from "../fixtures/discussion";
import { newUserData } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

test.describe("readers who are not signed in", () => {
  test("read the discussion but are offered nothing to change it", async ({ page }) => {
    const author = newUserData("author");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({ users: [author], comments: [{ author: author.email, body: "Visible to everyone." }] });
    await page.goto(articlePath(slug));
    const region = commentsRegion(page);
    await expect(region.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
    await expect(commentWith(page, "Visible to everyone.")).toContainText(author.name);
    await expect(region.getByLabel("Comment", { exact: true })).toHaveCount(0);
    for (const name of ["Reply", "Edit", "Delete", "Report", "Post comment"])
      await expect(page.locator(`#comment-${id}`).getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(region.getByRole("button", { name: /^Like/ })).toHaveCount(0);
  });

  test('"Sign in to comment" returns them to the article after sign-in, ready to comment', async ({ page }) => {
    const user = newUserData("returning");
    const { slug } = seedDiscussion({ users: [user] });
    await page.goto(articlePath(slug));
    await commentsRegion(page).getByRole("link", { name: "Sign in to comment" }).click();
    await expect(page).toHaveURL(/\/signin\?returnTo=/);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${articlePath(slug)}(#comments)?$`));
    await expect(commentsRegion(page).getByLabel("Comment", { exact: true })).toBeVisible();
    await expect(commentsRegion(page).getByRole("link", { name: "Sign in to comment" })).toHaveCount(0);
  });

  test("the comments API refuses their writes with 401", async ({ request, baseURL }) => {
    const author = newUserData("author");
    const {
      slug,
      ids: [id],
    } = seedDiscussion({ users: [author], comments: [{ author: author.email, body: "Try to touch me." }] });
    const headers = { Origin: new URL(baseURL!).origin };
    const answers = await Promise.all([
      request.post(`/api/articles/${slug}/comments`, { headers, data: { body: "Anonymous words." } }),
      request.patch(`/api/comments/${id}`, { headers, data: { body: "Changed." } }),
      request.delete(`/api/comments/${id}`, { headers }),
      request.put(`/api/comments/${id}/like`, { headers }),
      request.post(`/api/comments/${id}/flags`, { headers, data: { reason: "spam" } }),
    ]);
    for (const answer of answers) {
      expect(answer.status()).toBe(401);
      expect((await answer.json()).error.code).toBe("unauthorized");
    }
    const list = await (await request.get(`/api/articles/${slug}/comments`)).json();
    expect(list.comments.map((c: { body: string }) => c.body)).toEqual(["Try to touch me."]);
  });
});
